package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.tls.DriverPaths;
import org.driverhost.tls.ServerException;

/**
 * Resolves a driver's relative file path against its package folder, then its sandbox folder, and reads
 * the file. Paths that start with {@code .}, are absolute, or lead outside those folders (symbolic links
 * included) are rejected, so a driver cannot read another driver's keys or the host's files.
 */
public final class FileRoots {

    /** Maximum size of a credential file; real PEM and PKCS#12 files are a few KiB. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private static final String ACCEPTED = "give PEM text or a path relative to the driver's package or "
            + "sandbox folder";

    private final List<Path> roots;

    /** Creates the resolver for {@code roots}, tried in the given order. */
    public FileRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * Returns the real path of an existing regular file for {@code parameter}. The first root that contains
     * an entry of that name decides, so a link there that leads outside both roots is rejected rather than
     * skipped.
     *
     * @throws ServerException when the path is not allowed or no root contains such a file
     */
    public Path resolve(String parameter, String path) throws ServerException {
        Path relative = checkRelative(parameter, path);
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return confine(parameter, path, candidate);
            }
        }
        throw new ServerException("invalid " + parameter + " " + SourceText.quote(path) + ": file not found in "
                + "the driver's package or sandbox folder; " + ACCEPTED);
    }

    /**
     * Reads the file that {@link #resolve} finds, rejecting files larger than {@value #MAX_FILE_BYTES}
     * bytes.
     */
    public byte[] read(String parameter, String path) throws ServerException {
        Path file = resolve(parameter, path);
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // Reading one byte past the limit distinguishes a file at the limit from a larger one, without
            // trusting a size that may change between a check and the read.
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new ServerException("invalid " + parameter + " " + SourceText.quote(path) + ": the file cannot "
                    + "be read (" + e.getMessage() + ")", e);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new ServerException("invalid " + parameter + " " + SourceText.quote(path) + ": the file is "
                    + "larger than " + MAX_FILE_BYTES + " bytes; give a PEM or PKCS#12 file of at most 1 MiB");
        }
        return content;
    }

    private static Path checkRelative(String parameter, String path) throws ServerException {
        try {
            return DriverPaths.relative(path);
        } catch (IllegalArgumentException e) {
            throw new ServerException("invalid " + parameter + " " + SourceText.quote(path) + ": " + e.getMessage()
                    + "; " + ACCEPTED);
        }
    }

    private Path confine(String parameter, String path, Path candidate) throws ServerException {
        String quoted = SourceText.quote(path);
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            // A dangling link or a folder that vanished: either way there is no file to read.
            throw new ServerException("invalid " + parameter + " " + quoted + ": file not found (" + e.getMessage()
                    + "); " + ACCEPTED, e);
        }
        if (!insideRoots(real)) {
            throw new ServerException("invalid " + parameter + " " + quoted + ": it resolves outside the driver's "
                    + "package and sandbox folders; " + ACCEPTED);
        }
        if (!Files.isRegularFile(real)) {
            throw new ServerException("invalid " + parameter + " " + quoted + ": not a regular file; " + ACCEPTED);
        }
        return real;
    }

    /** Returns whether a real path lies in one of the roots, so a link from one root into the other is fine. */
    private boolean insideRoots(Path real) {
        return DriverPaths.isInside(real, roots);
    }
}
