package org.driverhost.secrets.internal.rotation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until FileInstall has written re-encrypted configurations back to their {@code etc/} files. The old
 * key must outlive the old envelopes on disk: FileInstall reads {@code etc/} again at start and its values
 * win over Config Admin's own copy.
 */
final class WriteBackWait {

    /** Property in which FileInstall records the file a configuration came from, as a URI. */
    static final String FILENAME_PROPERTY = "felix.fileinstall.filename";

    private static final long POLL_MILLIS = 50;

    private final List<Path> files = new ArrayList<>();

    /** Adds the file of a configuration, if it came from one. */
    void add(Object filename) {
        if (filename instanceof String uri && uri.startsWith("file:")) {
            files.add(Path.of(URI.create(uri)));
        }
    }

    /**
     * Waits until no file contains the old key id any more.
     *
     * @return the files that still contain it when the time is up
     */
    List<Path> await(String oldKeyId, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        List<Path> pending = new ArrayList<>(files);
        while (true) {
            pending.removeIf(file -> !contains(file, oldKeyId));
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            // FileInstall writes on its own thread and offers no signal, so poll the files.
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
