package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.luaj.vm2.lib.ResourceFinder;

/**
 * Opens the modules that {@code require} loads and the driver's script, relative to the driver's package folder
 * only ({@code dofile} and {@code loadfile} go through {@link SandboxLoaders}). Absolute paths and paths leading out of the folder (links included) are not found.
 */
final class PackageResourceFinder implements ResourceFinder {

    private final Path root;

    PackageResourceFinder(Path root) {
        this.root = root;
    }

    @Override
    public InputStream findResource(String filename) {
        Path file = resolve(filename);
        if (file == null) {
            return null;
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the real path of an existing file inside the package, or null. */
    Path resolve(String filename) {
        try {
            Path relative = Path.of(filename);
            if (relative.isAbsolute() || filename.startsWith("/") || filename.startsWith("\\")) {
                return null;
            }
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                return null;
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? real : null;
        } catch (InvalidPathException | IOException e) {
            return null;
        }
    }
}
