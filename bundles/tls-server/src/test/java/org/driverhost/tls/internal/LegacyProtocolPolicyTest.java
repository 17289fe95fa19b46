package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows the advice of the warning for TLS 1.0/1.1: a JVM started with {@code -Djava.security.properties}
 * naming a file that drops TLSv1 and TLSv1.1 from {@code jdk.tls.disabledAlgorithms} serves TLS 1.1 to a
 * driver whose options leave it on.
 */
class LegacyProtocolPolicyTest {

    private static final String ALLOWING_LEGACY = "jdk.tls.disabledAlgorithms=SSLv3, DTLSv1.0, RC4, DES, "
            + "MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH\n";

    @TempDir
    Path folder;

    @Test
    void changedJvmPolicyServesTls11() throws Exception {
        TestCertificates.serverOnly(folder);
        Path security = Files.writeString(folder.resolve("allow-legacy.security"), ALLOWING_LEGACY);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Djava.security.properties=" + security,
                "-cp", System.getProperty("java.class.path"), LegacyProtocolServerMain.class.getName(),
                folder.toString()))
                .redirectError(folder.resolve("child-log.txt").toFile())
                .start();
        try {
            int port = readPort(child);

            SClientProbe tls11 = SClientProbe.connect(folder, port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
            SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

            assertEquals("TLSv1.1", tls11.protocol(), tls11::toString);
            assertTrue(tls11.greeted(), tls11::toString);
            assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
            String log = Files.readString(folder.resolve("child-log.txt"));
            assertFalse(log.contains("stays off"), log);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** Reads the port line on another thread, so that a child that hangs fails the test instead of blocking it. */
    private static int readPort(Process child) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("PORT ")) {
                        return Integer.parseInt(line.substring(5));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the server JVM ended without printing its port");
        });
        return port.get(RecordingListener.WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
