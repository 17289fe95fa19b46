package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Folder layout of all driver instances under {@code <data>/driverhost}. {@code packages/<instance>} contains
 * the unpacked package and is replaced on update. {@code sandbox/<instance>} contains the driver's own files and
 * is kept across updates and restarts. {@code staging} contains packages being unpacked.
 */
final class DriverFolders {

    private final Path root;

    DriverFolders(Path dataFolder) {
        this.root = dataFolder.resolve("driverhost");
    }

    Path packageFolder(String instance) {
        return root.resolve("packages").resolve(instance);
    }

    Path sandboxFolder(String instance) {
        return root.resolve("sandbox").resolve(instance);
    }

    /** Returns the file that stores each instance's device id. */
    Path deviceIdsFile() {
        return root.resolve("device-ids.properties");
    }

    Path stagingRoot() {
        return root.resolve("staging");
    }

    /** Creates an empty folder to unpack into, next to the package folders so that moving it is a rename. */
    Path newStagingFolder(String instance) throws IOException {
        Path staging = stagingRoot();
        Files.createDirectories(staging);
        return Files.createTempDirectory(staging, instance.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
    }

    /** Replaces the instance's package folder by {@code staging}. */
    void replacePackage(String instance, Path staging) throws IOException {
        Path target = packageFolder(instance);
        deleteTree(target);
        Files.createDirectories(target.getParent());
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a folder and everything in it, without following links; does nothing when it does not exist. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                if (error != null) {
                    throw error;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
