package org.driverhost.tls;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule for file paths that drivers give, shared by TLS credentials and the Lua runtime's file access:
 * a path is relative to one of the driver's folders, does not start with {@code .} or {@code ..}, and its
 * real path (symbolic links followed) stays inside one of those folders.
 *
 * @since 1.1.0
 */
public final class DriverPaths {

    private DriverPaths() {
    }

    /**
     * Parses a path that a driver gave.
     *
     * @throws IllegalArgumentException when the path is empty, starts with {@code .}, is absolute or is not
     *     a valid path; the message states the rule that was broken, without the path itself
     */
    public static Path relative(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        if (path.startsWith(".")) {
            throw new IllegalArgumentException("paths may not start with '.' or '..'");
        }
        Path relative;
        try {
            relative = Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid file path");
        }
        if (relative.isAbsolute() || path.startsWith("/") || path.startsWith("\\")) {
            throw new IllegalArgumentException("absolute paths are not allowed");
        }
        return relative;
    }

    /**
     * Returns whether a real path (as {@link Path#toRealPath} returns it) lies in one of the folders. A
     * folder that does not exist contains nothing.
     */
    public static boolean isInside(Path real, List<Path> folders) {
        for (Path folder : folders) {
            try {
                if (real.startsWith(folder.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                // A folder that does not exist contains nothing, so it cannot contain this path either.
            }
        }
        return false;
    }
}
