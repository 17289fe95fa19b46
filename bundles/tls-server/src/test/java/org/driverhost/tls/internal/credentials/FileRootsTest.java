package org.driverhost.tls.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolves credential paths in the package folder, then the sandbox, and nowhere else. */
class FileRootsTest {

    @TempDir
    Path temp;

    private Path packageFolder;
    private Path sandbox;
    private Path outside;
    private FileRoots roots;

    @BeforeEach
    void makeFolders() throws IOException {
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.pem"), "another driver's key");
        roots = new FileRoots(List.of(packageFolder, sandbox));
    }

    @Test
    void packageFolderComesBeforeSandbox() throws Exception {
        Files.writeString(packageFolder.resolve("server.pem"), "from package");
        Files.writeString(sandbox.resolve("server.pem"), "from sandbox");

        assertEquals("from package", read("server.pem"));
    }

    @Test
    void sandboxIsUsedWhenPackageLacksFile() throws Exception {
        Files.createDirectories(sandbox.resolve("certs"));
        Files.writeString(sandbox.resolve("certs/server.pem"), "from sandbox");

        assertEquals("from sandbox", read("certs/server.pem"));
    }

    @Test
    void dotPathsRejected() {
        for (String path : List.of("./server.pem", "../outside/secret.pem", ".hidden.pem", "..")) {
            ServerException error = assertThrows(ServerException.class, () -> roots.read("certificate", path));

            assertEquals("invalid certificate \"" + path + "\": paths may not start with '.' or '..'; give PEM text "
                    + "or a path relative to the driver's package or sandbox folder", error.getMessage());
        }
    }

    @Test
    void absolutePathRejected() {
        String path = outside.resolve("secret.pem").toString();

        ServerException error = assertThrows(ServerException.class, () -> roots.read("chain", path));

        assertTrue(error.getMessage().startsWith("invalid chain \"" + path + "\": absolute paths are not allowed"),
                error.getMessage());
    }

    @Test
    void parentStepsOutsideRejected() throws IOException {
        Files.createDirectories(packageFolder.resolve("certs"));

        ServerException error = assertThrows(ServerException.class,
                () -> roots.read("privateKey", "certs/../../outside/secret.pem"));

        assertTrue(error.getMessage().startsWith("invalid privateKey \"certs/../../outside/secret.pem\": it resolves "
                + "outside the driver's package and sandbox folders"), error.getMessage());
    }

    @Test
    void symlinkOutsideRejected() throws IOException {
        Files.createSymbolicLink(packageFolder.resolve("server.key"), outside.resolve("secret.pem"));

        ServerException error = assertThrows(ServerException.class, () -> roots.read("privateKey", "server.key"));

        assertTrue(error.getMessage().startsWith("invalid privateKey \"server.key\": it resolves outside"),
                error.getMessage());
    }

    @Test
    void linkedFolderOutsideRejected() throws IOException {
        Files.createSymbolicLink(sandbox.resolve("linked"), outside);

        ServerException error = assertThrows(ServerException.class, () -> roots.read("chain", "linked/secret.pem"));

        assertTrue(error.getMessage().startsWith("invalid chain \"linked/secret.pem\": it resolves outside"),
                error.getMessage());
    }

    @Test
    void symlinkInsideFollowed() throws Exception {
        Files.writeString(packageFolder.resolve("real.pem"), "inside");
        Files.createSymbolicLink(packageFolder.resolve("alias.pem"), packageFolder.resolve("real.pem"));

        assertEquals("inside", read("alias.pem"));
    }

    @Test
    void symlinkIntoSandboxFollowed() throws Exception {
        Files.writeString(sandbox.resolve("written.pem"), "from sandbox");
        Files.createSymbolicLink(packageFolder.resolve("server.pem"), sandbox.resolve("written.pem"));

        assertEquals("from sandbox", read("server.pem"));
    }

    @Test
    void missingFileIsReported() {
        ServerException error = assertThrows(ServerException.class, () -> roots.read("certificate", "server.pem"));

        assertEquals("invalid certificate \"server.pem\": file not found in the driver's package or sandbox folder; "
                + "give PEM text or a path relative to the driver's package or sandbox folder", error.getMessage());
    }

    @Test
    void folderIsNotAFile() throws IOException {
        Files.createDirectories(packageFolder.resolve("certs"));

        ServerException error = assertThrows(ServerException.class, () -> roots.read("certificate", "certs"));

        assertTrue(error.getMessage().startsWith("invalid certificate \"certs\": not a regular file"),
                error.getMessage());
    }

    @Test
    void fileOverOneMebibyteIsRejected() throws IOException {
        Files.write(packageFolder.resolve("huge.pem"), new byte[FileRoots.MAX_FILE_BYTES + 1]);

        ServerException error = assertThrows(ServerException.class, () -> roots.read("chain", "huge.pem"));

        assertTrue(error.getMessage().startsWith("invalid chain \"huge.pem\": the file is larger than 1048576 bytes"),
                error.getMessage());
    }

    @Test
    void fileOfExactlyOneMebibyteIsRead() throws Exception {
        byte[] content = new byte[FileRoots.MAX_FILE_BYTES];
        content[content.length - 1] = 7;
        Files.write(packageFolder.resolve("large.pem"), content);

        assertArrayEquals(content, roots.read("chain", "large.pem"));
    }

    @Test
    void noFoldersMeansNoFiles() throws IOException {
        Files.writeString(packageFolder.resolve("server.pem"), "unreachable");
        FileRoots none = new FileRoots(List.of());

        ServerException error = assertThrows(ServerException.class, () -> none.read("certificate", "server.pem"));

        assertTrue(error.getMessage().startsWith("invalid certificate \"server.pem\": file not found"),
                error.getMessage());
    }

    private String read(String path) throws ServerException {
        return new String(roots.read("certificate", path), StandardCharsets.UTF_8);
    }
}
