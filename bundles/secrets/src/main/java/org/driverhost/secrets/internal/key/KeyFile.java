package org.driverhost.secrets.internal.key;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.driverhost.secrets.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes one master key file: comment lines, then one line {@code aes256:v1:<key id>:<base64 key>}.
 * The key id in the file lets a read detect a changed key byte. Files are written to a temporary file with
 * owner-only permissions, forced to disk and then renamed, so a crash never leaves a half-written key.
 */
public final class KeyFile {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final String LINE_PREFIX = "aes256:v1:";
    private static final String COMMENT = "# DriverHost master key. Anyone who reads this file can decrypt the passwords in etc/.\n"
            + "# Keep it readable only by the Karaf user, back it up apart from etc/, and never edit it.\n";

    private KeyFile() {
    }

    /**
     * Reads a key file.
     *
     * @throws NoSuchFileException if the file does not exist
     * @throws SecretException if the file exists but is unreadable or does not hold a valid key
     */
    public static MasterKey read(Path file) throws NoSuchFileException, SecretException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new SecretException("cannot read master key file " + file + ": " + e, e);
        }
        warnIfReadableByOthers(file);

        List<String> keyLines = lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (keyLines.size() != 1 || !keyLines.get(0).startsWith(LINE_PREFIX)) {
            throw corrupted(file, "expected one line " + LINE_PREFIX + "<key id>:<base64 key> besides comments");
        }
        String[] fields = keyLines.get(0).substring(LINE_PREFIX.length()).split(":", -1);
        if (fields.length != 2) {
            throw corrupted(file, "expected <key id>:<base64 key> after " + LINE_PREFIX);
        }

        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw corrupted(file, "the key is not valid Base64");
        }
        try {
            if (bytes.length != MasterKey.KEY_BYTES) {
                throw corrupted(file, "the key has " + bytes.length + " bytes, expected " + MasterKey.KEY_BYTES);
            }
            MasterKey key = MasterKey.fromBytes(bytes);
            if (!key.id().equals(fields[0])) {
                throw corrupted(file, "the key does not match its recorded id " + fields[0]);
            }
            return key;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Writes a key file that must not exist yet, creating its folder owner-only if needed.
     *
     * @throws FileAlreadyExistsException if {@code file} exists, so that no key is ever overwritten
     */
    public static void create(Path file, MasterKey key) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        createFolder(folder);
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a master key file is never overwritten");
        }

        Path temporary = folder.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
        byte[] encoded = key.encoded();
        byte[] base64 = Base64.getEncoder().encode(encoded);
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write(COMMENT.getBytes(StandardCharsets.US_ASCII));
            out.write((LINE_PREFIX + key.id() + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(base64);
            out.write('\n');
        } finally {
            Arrays.fill(encoded, (byte) 0);
            Arrays.fill(base64, (byte) 0);
        }
        moveAtomically(temporary, file, false);
    }

    /** Renames {@code source} over {@code target} in one step, so either the old or the new key file is seen. */
    public static void replace(Path source, Path target) throws IOException {
        moveAtomically(source, target, true);
    }

    private static void moveAtomically(Path source, Path target, boolean replace) throws IOException {
        if (!replace && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a master key file is never overwritten");
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " to " + target + " atomically; keep the key file on a"
                    + " local file system", e);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (isPosix(folder.getRoot())) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        } else {
            Files.createDirectories(folder);
            LOG.warn("Cannot restrict folder {} to its owner: the file system has no POSIX permissions", folder);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            // The umask can only remove bits, but set them anyway in case the file system ignores the attribute.
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        } else {
            Files.createFile(file);
            LOG.warn("Cannot restrict master key file {} to its owner: the file system has no POSIX permissions", file);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (isPosix(file.toAbsolutePath().getParent())) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_READ_WRITE.containsAll(permissions)) {
                    LOG.warn("Master key file {} has permissions {}; set them to rw------- (chmod 600) so only the"
                            + " Karaf user can read it", file, PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot check the permissions of master key file {}: {}", file, e.toString());
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static SecretException corrupted(Path file, String reason) {
        return new SecretException("master key file " + file + " is corrupted: " + reason
                + ". Restore it from a backup; DriverHost never replaces an existing key file");
    }
}
