package org.driverhost.lua.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Single-file drivers ({@code .c4i}): a {@code driver.xml} on its own, with the Lua code inside its
 * {@code <script>} element, as older Control4 drivers were shipped. Installing one makes a package folder that
 * contains just that file as {@code driver.xml}.
 */
public final class SingleFileDriver {

    /** The file name extension, lower case. */
    public static final String EXTENSION = ".c4i";
    private static final int SNIFF_BYTES = 4096;

    private final UnpackLimits limits;

    public SingleFileDriver(UnpackLimits limits) {
        this.limits = limits;
    }

    /** Returns whether the file is named {@code *.c4i} (any case). */
    public static boolean hasExtension(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** Returns whether the file's first bytes hold a {@code <devicedata>} element, as every driver.xml does. */
    public static boolean looksLikeDriverXml(Path file) {
        byte[] start = new byte[SNIFF_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(start, 0, start.length);
            return new String(start, 0, read, StandardCharsets.ISO_8859_1).contains("<devicedata");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Copies the file into the empty folder {@code target} as {@code driver.xml}.
     *
     * @throws PackageException when the file is larger than one package entry may be, or cannot be copied
     */
    public void install(Path c4i, Path target) throws PackageException {
        try {
            long size = Files.size(c4i);
            if (size > limits.maxEntryBytes()) {
                throw new PackageException("the driver file is too large: " + size + " bytes, at most "
                        + limits.maxEntryBytes() + " are accepted");
            }
            Files.createDirectories(target);
            Files.copy(c4i, target.resolve("driver.xml"));
        } catch (IOException e) {
            throw new PackageException("the driver file could not be copied: " + e.getMessage(), e);
        }
    }
}
