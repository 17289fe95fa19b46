package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.driverhost.tls.DriverPaths;

/**
 * Decides which files a driver's Lua code may touch. Reads resolve a relative path against the package folder,
 * then the sandbox folder. Writes, removals and renames go to the sandbox folder only. Both follow the path rule
 * of {@link DriverPaths}, the one TLS credentials use, and the sandbox has a size and a file count limit.
 * Every rejection is an {@link IOException} whose message names the function and the path and states what is
 * allowed, because LuaJ turns it into the {@code nil, message} results of {@code io.open} and {@code os.remove}.
 */
final class SandboxFiles {

    private static final String READ_ACCEPTED = "give a path relative to the driver's package or sandbox folder";
    private static final String WRITE_ACCEPTED = "give a path relative to the driver's sandbox folder";

    private final Path packageFolder;
    private final Path sandboxFolder;
    private final long maxBytes;
    private final int maxFiles;

    SandboxFiles(Path packageFolder, Path sandboxFolder, long maxBytes, int maxFiles) {
        this.packageFolder = packageFolder;
        this.sandboxFolder = sandboxFolder;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    Path packageFolder() {
        return packageFolder;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Returns the real path of an existing file to read; the first folder with an entry of that name decides. */
    Path forReading(String function, String path) throws IOException {
        Path relative = parse(function, path, READ_ACCEPTED);
        for (Path folder : List.of(packageFolder, sandboxFolder)) {
            Path candidate = folder.resolve(relative);
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                Path real = realPath(function, path, candidate, READ_ACCEPTED);
                if (!DriverPaths.isInside(real, List.of(packageFolder, sandboxFolder))) {
                    throw rejected(function, path, "it resolves outside the driver's package and sandbox folders",
                            READ_ACCEPTED);
                }
                return real;
            }
        }
        throw rejected(function, path, "file not found in the driver's package or sandbox folder", READ_ACCEPTED);
    }

    /**
     * Returns the real path of a file in the sandbox folder to write, which may not exist yet. Creating a file
     * beyond the file count limit is rejected.
     */
    Path forWriting(String function, String path) throws IOException {
        Path real = inSandbox(function, path);
        if (!Files.exists(real) && countFiles() >= maxFiles) {
            throw rejected(function, path, "the sandbox folder already contains " + maxFiles + " files, its limit",
                    "remove files first");
        }
        return real;
    }

    /** Returns the real path of an existing file in the sandbox folder, for removing or renaming it. */
    Path existingInSandbox(String function, String path) throws IOException {
        Path real = inSandbox(function, path);
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            throw rejected(function, path, "file not found in the driver's sandbox folder", WRITE_ACCEPTED);
        }
        return real;
    }

    /** Returns the bytes of every file in the sandbox folder except {@code excluded}. */
    long usedBytesExcept(Path excluded) throws IOException {
        try (Stream<Path> files = Files.walk(sandboxFolder)) {
            return files.filter(file -> !file.equals(excluded) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(SandboxFiles::sizeOrZero)
                    .sum();
        }
    }

    private Path inSandbox(String function, String path) throws IOException {
        Path relative = parse(function, path, WRITE_ACCEPTED);
        if (Files.exists(packageFolder.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
            throw rejected(function, path, "it is in the driver's package folder, which is read-only",
                    "write to another name, which is kept in the sandbox folder");
        }
        Path candidate = sandboxFolder.resolve(relative);
        Path real;
        if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            real = realPath(function, path, candidate, WRITE_ACCEPTED);
        } else {
            // A new file: its folder must exist and lie in the sandbox, links included.
            real = realPath(function, path, candidate.getParent(), WRITE_ACCEPTED).resolve(candidate.getFileName());
        }
        if (!DriverPaths.isInside(real, List.of(sandboxFolder))) {
            throw rejected(function, path, "it resolves outside the driver's sandbox folder", WRITE_ACCEPTED);
        }
        return real;
    }

    private static Path parse(String function, String path, String accepted) throws IOException {
        try {
            return DriverPaths.relative(path);
        } catch (IllegalArgumentException e) {
            throw rejected(function, path, e.getMessage(), accepted);
        }
    }

    private static Path realPath(String function, String path, Path candidate, String accepted) throws IOException {
        try {
            return candidate.toRealPath();
        } catch (IOException e) {
            // A dangling link or a missing folder: either way there is nothing inside the folders to use.
            throw rejected(function, path, "not found (" + e.getMessage() + ")", accepted);
        }
    }

    private long countFiles() throws IOException {
        try (Stream<Path> files = Files.walk(sandboxFolder)) {
            return files.filter(file -> !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)).count();
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // Removed while counting: it no longer uses space.
            return 0;
        }
    }

    private static IOException rejected(String function, String path, String reason, String accepted) {
        return new IOException(function + ": invalid path \"" + path + "\": " + reason + "; " + accepted);
    }
}
