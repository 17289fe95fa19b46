package org.driverhost.lua.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a {@code .c4z} into an empty folder. Every entry name is checked before anything is written: absolute
 * names, drive letters, {@code ..} segments and names that would land outside the folder are rejected
 * (zip slip), as are packages beyond the {@link UnpackLimits}.
 */
public final class PackageUnpacker {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final UnpackLimits limits;

    public PackageUnpacker(UnpackLimits limits) {
        this.limits = limits;
    }

    /**
     * Extracts {@code c4z} into {@code target}, which must not exist yet. On failure the partly written folder
     * is left for the caller to delete.
     *
     * @throws PackageException when the zip is unreadable, an entry name is unsafe or a limit is exceeded
     */
    public void unpack(Path c4z, Path target) throws PackageException {
        try (ZipFile zip = new ZipFile(c4z.toFile())) {
            checkEntryCount(zip);
            Files.createDirectories(target);
            Path root = target.toRealPath();
            long total = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                Path destination = destinationOf(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    total += extract(zip, entry, destination, total);
                }
            }
        } catch (ZipException e) {
            throw new PackageException("not a readable zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PackageException("unpacking failed: " + e.getMessage(), e);
        }
    }

    private void checkEntryCount(ZipFile zip) throws PackageException {
        if (zip.size() > limits.maxEntries()) {
            throw new PackageException("too many entries: " + zip.size() + " entries, at most "
                    + limits.maxEntries() + " are accepted");
        }
    }

    /** Maps an entry name to a path inside {@code root}, or rejects it. */
    static Path destinationOf(Path root, String entryName) throws PackageException {
        // Packagers on Windows sometimes write backslashes; treat them as the separators they were meant to be.
        String name = entryName.replace('\\', '/');
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
            throw unsafe(entryName, "absolute or empty names are not allowed");
        }
        String firstSegment = name.split("/", 2)[0];
        if (firstSegment.contains(":")) {
            throw unsafe(entryName, "drive letters are not allowed");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw unsafe(entryName, "'..' segments are not allowed");
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw unsafe(entryName, "it resolves outside the package folder");
        }
        return destination;
    }

    private long extract(ZipFile zip, ZipEntry entry, Path destination, long totalSoFar)
            throws IOException, PackageException {
        Files.createDirectories(destination.getParent());
        long written = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > limits.maxEntryBytes()) {
                    throw new PackageException("entry \"" + entry.getName() + "\" is too large: more than "
                            + limits.maxEntryBytes() + " bytes uncompressed");
                }
                if (totalSoFar + written > limits.maxTotalBytes()) {
                    throw new PackageException("package is too large: more than " + limits.maxTotalBytes()
                            + " bytes uncompressed in total");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    private static PackageException unsafe(String entryName, String reason) {
        return new PackageException("unsafe entry name \"" + entryName + "\": " + reason);
    }
}
