package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} command with a bounded wait and returns its merged output. */
final class OpensslCli {

    private static final long TIMEOUT_SECONDS = 30;

    private OpensslCli() {
    }

    /** Runs {@code openssl} with the arguments in {@code directory} and fails the test unless it exits with 0. */
    static String runOk(Path directory, String... arguments) throws IOException, InterruptedException {
        Result result = run(directory, List.of(arguments));
        assertEquals(0, result.exitCode(), () -> "openssl " + String.join(" ", arguments) + " failed:\n" + result.output());
        return result.output();
    }

    /** Runs {@code openssl} with standard input closed at once; a non-zero exit code is returned, not raised. */
    static Result run(Path directory, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("openssl " + String.join(" ", arguments) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.ISO_8859_1));
    }

    record Result(int exitCode, String output) {
    }
}
