package org.driverhost.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command: credential generation and {@code s_client} probes on loopback. */
final class OpenSslClient {

    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final long ECHO_TIMEOUT_MILLIS = 10_000;

    private OpenSslClient() {
    }

    /** Runs {@code openssl ARGS} in {@code folder} and fails the test when it does not exit with 0. */
    static void run(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    /**
     * Connects with {@code openssl s_client} and the given options, sends one line and returns whether the
     * echo came back: the handshake, and with TLS 1.3 the server's check of a client certificate, succeeded.
     */
    static boolean echoes(Path folder, int port, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-quiet", "-no_ign_eof"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            OutputStream in = process.getOutputStream();
            in.write("ping\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            return readsLine(process, "ping\n");
        } finally {
            process.destroy();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean readsLine(Process process, String expected) throws IOException, InterruptedException {
        InputStream stdout = process.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + ECHO_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (stdout.available() == 0 && !process.isAlive()) {
                return false;
            }
            if (stdout.available() == 0) {
                Thread.sleep(20);
                continue;
            }
            int b = stdout.read();
            if (b < 0) {
                return false;
            }
            received.write(b);
            if (received.toString(StandardCharsets.US_ASCII).contains(expected)) {
                return true;
            }
        }
        return false;
    }
}
