package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.tls.ServerException;

/**
 * Resolves a driver's relative file path against its package folder, then its sandbox folder. Paths that
 * start with {@code .}, are absolute, or lead outside those folders (links included) are rejected, so a
 * driver cannot read another driver's keys or the host's files.
 */
public final class FileRoots {

    private final List<Path> roots;

    public FileRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * Returns the real path of an existing file for {@code parameter}.
     *
     * @throws ServerException when the path is not allowed or no root holds such a file
     */
    public Path resolve(String parameter, String path) throws ServerException {
        Path relative = checkRelative(parameter, path);
        for (Path root : roots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return confine(parameter, path, root, candidate);
            }
        }
        throw new ServerException("invalid " + parameter + " \"" + path + "\": file not found in the driver's "
                + "package or sandbox folder; give PEM text or a path relative to those folders");
    }

    private static Path checkRelative(String parameter, String path) throws ServerException {
        if (path.startsWith(".")) {
            throw new ServerException("invalid " + parameter + " \"" + path + "\": paths may not start with '.' "
                    + "or '..'; give a path relative to the driver's package or sandbox folder");
        }
        Path relative;
        try {
            relative = Path.of(path);
        } catch (InvalidPathException e) {
            throw new ServerException("invalid " + parameter + " \"" + path + "\": not a valid file path");
        }
        if (relative.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
            throw new ServerException("invalid " + parameter + " \"" + path + "\": absolute paths are not allowed; "
                    + "give a path relative to the driver's package or sandbox folder");
        }
        return relative;
    }

    private static Path confine(String parameter, String path, Path root, Path candidate) throws ServerException {
        try {
            Path realRoot = root.toRealPath();
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new ServerException("invalid " + parameter + " \"" + path + "\": it resolves outside the "
                        + "driver's package and sandbox folders");
            }
            return real;
        } catch (IOException e) {
            throw new ServerException("invalid " + parameter + " \"" + path + "\": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
