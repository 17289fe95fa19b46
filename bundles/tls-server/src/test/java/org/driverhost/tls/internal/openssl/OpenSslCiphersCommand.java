package org.driverhost.tls.internal.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the local {@code openssl ciphers} command, the oracle of the cipher-string tests. */
final class OpenSslCiphersCommand {

    /** One line of {@code openssl ciphers -stdname -v}. */
    record Line(String ianaName, String openSslName, String protocol) {
    }

    /** The outcome of one run: the exit status and the listed suites, TLS 1.3 ones included. */
    record Output(int exitStatus, List<Line> lines) {

        boolean rejected() {
            return exitStatus != 0;
        }

        /** Returns the OpenSSL names of the TLS 1.2-and-older suites, in order. */
        List<String> legacyOpenSslNames() {
            List<String> names = new ArrayList<>();
            for (Line line : lines) {
                if (!line.protocol().equals("TLSv1.3")) {
                    names.add(line.openSslName());
                }
            }
            return names;
        }

        /** Returns the IANA names of the TLS 1.2-and-older suites that are in {@code supported}, in order. */
        List<String> legacyIanaNames(List<String> supported) {
            List<String> names = new ArrayList<>();
            for (Line line : lines) {
                if (!line.protocol().equals("TLSv1.3") && supported.contains(line.ianaName())) {
                    names.add(line.ianaName());
                }
            }
            return names;
        }
    }

    private static final long TIMEOUT_SECONDS = 30;

    private OpenSslCiphersCommand() {
    }

    /** Returns the output of {@code openssl version}, or null when no openssl runs on this machine. */
    static String version() {
        try {
            return run(List.of("openssl", "version")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs {@code openssl ciphers -stdname -v}, with {@code -s -psk} when {@code negotiable} is set. */
    static Output ciphers(String cipherString, boolean negotiable) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "ciphers", "-stdname", "-v"));
        if (negotiable) {
            // -s applies the security level; -psk keeps PSK suites, which -s would drop for lack of a PSK callback.
            command.addAll(List.of("-s", "-psk"));
        }
        // "--" keeps a string such as -ALL:AES128-SHA from being read as an option.
        command.add("--");
        command.add(cipherString);
        Process process = start(command);
        String stdout = readAll(process.getInputStream());
        int status = awaitExit(process, command);

        List<Line> lines = new ArrayList<>();
        if (status == 0) {
            for (String text : stdout.split("\n")) {
                if (!text.isBlank()) {
                    lines.add(parseLine(text));
                }
            }
        }
        return new Output(status, lines);
    }

    /** Runs {@code command} and returns its standard output; fails on a non-zero exit status. */
    static String run(List<String> command) throws IOException {
        Process process = start(command);
        String stdout = readAll(process.getInputStream());
        int status = awaitExit(process, command);
        if (status != 0) {
            throw new IOException(command + " exited with status " + status);
        }
        return stdout;
    }

    /** Parses {@code TLS_... - NAME PROTOCOL Kx=.. Au=.. Enc=.. Mac=..}. */
    private static Line parseLine(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length < 4 || !fields[1].equals("-")) {
            throw new IllegalStateException("unexpected openssl ciphers line: " + text);
        }
        return new Line(fields[0], fields[2], fields[3]);
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int awaitExit(Process process, List<String> command) throws IOException {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command, e);
        }
    }
}
