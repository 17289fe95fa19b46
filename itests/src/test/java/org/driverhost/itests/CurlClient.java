package org.driverhost.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code curl} command against a server on loopback. Each transfer prints its body, then a line
 * {@code STATUS <http code> <new connections>}, so a test can check the responses of several requests made
 * in one run, on one kept-alive connection.
 */
final class CurlClient {

    private static final long TIMEOUT_SECONDS = 60;
    static final String WRITE_OUT = "\\nSTATUS %{http_code} %{num_connects}\\n";

    private CurlClient() {
    }

    /** One transfer's result. */
    record Transfer(String body, int status, int newConnections) {
    }

    /** Output and exit code of one curl run. */
    record Run(int exitCode, String output, List<Transfer> transfers) {
    }

    /**
     * Runs curl with {@code -k --silent --show-error --http1.1} and the given arguments; {@code -w} is added to
     * every transfer (before each {@code --next} and at the end).
     */
    static Run run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-k", "--silent", "--show-error", "--http1.1"));
        for (String argument : arguments) {
            if (argument.equals("--next")) {
                command.addAll(List.of("-w", WRITE_OUT, "--next", "-k", "--silent", "--show-error", "--http1.1"));
            } else {
                command.add(argument);
            }
        }
        command.addAll(List.of("-w", WRITE_OUT));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        return new Run(process.exitValue(), text, parse(text));
    }

    private static List<Transfer> parse(String output) {
        List<Transfer> transfers = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("STATUS ")) {
                String[] words = line.split(" ");
                transfers.add(new Transfer(body.toString(), Integer.parseInt(words[1]), Integer.parseInt(words[2])));
                body.setLength(0);
            } else if (!line.isEmpty()) {
                body.append(line);
            }
        }
        return transfers;
    }
}
