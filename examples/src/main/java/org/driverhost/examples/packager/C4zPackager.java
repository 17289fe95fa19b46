package org.driverhost.examples.packager;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs driver source folders into {@code .c4z} files: a zip with {@code driver.xml} at its root. Drivers
 * named with {@code --self-signed} also get a new certificate and key, made at packing time.
 *
 * <p>Usage: {@code C4zPackager DRIVERS_FOLDER OUTPUT_FOLDER [--self-signed NAME]...}
 */
public final class C4zPackager {

    private C4zPackager() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: C4zPackager DRIVERS_FOLDER OUTPUT_FOLDER [--self-signed NAME]...");
        }
        Path drivers = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<String> selfSigned = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--self-signed")) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; expected --self-signed NAME");
            }
            selfSigned.add(args[i + 1]);
        }
        Files.createDirectories(output);
        try (Stream<Path> folders = Files.list(drivers)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                pack(folder, output.resolve(name + ".c4z"), selfSigned.contains(name));
            }
        }
    }

    /**
     * Packs one driver folder into {@code c4z}. With {@code selfSigned}, a new certificate and key are added
     * at the package root under the names of {@link SelfSignedCertificate}.
     */
    public static void pack(Path driverFolder, Path c4z, boolean selfSigned) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(driverFolder.resolve("driver.xml"))) {
            throw new IOException("missing driver.xml in " + driverFolder);
        }
        Path staging = Files.createTempDirectory("c4z-");
        try {
            copyTree(driverFolder, staging);
            if (selfSigned) {
                SelfSignedCertificate.write(staging);
            }
            zip(staging, c4z);
        } finally {
            deleteTree(staging);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void zip(Path folder, Path c4z) throws IOException {
        Files.createDirectories(c4z.toAbsolutePath().getParent());
        Path partial = c4z.resolveSibling(c4z.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String entry = folder.relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(entry));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        // Rename at the end so a folder watcher never sees a half-written package.
        Files.move(partial, c4z, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }

}
