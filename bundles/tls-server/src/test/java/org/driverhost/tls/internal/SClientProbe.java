package org.driverhost.tls.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One connection made with the real {@code openssl s_client}. It keeps reading after its input ends
 * ({@code -ign_eof}), so it returns once the server closes the connection: after the greeting that
 * {@link TlsServerFixture} sends to every accepted client, or after the server refused the handshake.
 */
record SClientProbe(String protocol, String cipher, boolean greeted, String output) {

    private static final Pattern HEX_DUMP_LINE = Pattern.compile("^\\s+[0-9a-f]{4} - ");
    /** The version in this line is the cipher's minimum version, so the protocol is read from the session. */
    private static final Pattern NEGOTIATED = Pattern.compile("New, (\\S+), Cipher is (\\S+)");
    private static final Pattern PROTOCOL = Pattern.compile("(?m)^\\s*Protocol\\s*:\\s*(\\S+)");

    /** Connects with one protocol flag such as {@code -tls1_2}, plus extra s_client arguments. */
    static SClientProbe connect(Path folder, int port, String protocolFlag, String... extra)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port,
                protocolFlag, "-ign_eof"));
        arguments.addAll(List.of(extra));
        String output = OpensslCli.run(folder, arguments).output();

        Matcher cipher = NEGOTIATED.matcher(output);
        Matcher protocol = PROTOCOL.matcher(output);
        boolean negotiated = cipher.find() && !cipher.group(1).equals("(NONE)") && protocol.find();
        return new SClientProbe(negotiated ? protocol.group(1) : null, negotiated ? cipher.group(2) : null,
                output.contains(TlsServerFixture.GREETING.strip()), output);
    }

    /** Connects with a client certificate and its key. */
    static SClientProbe connectWithCertificate(TestCertificates certificates, int port, String protocolFlag,
            String client) throws IOException, InterruptedException {
        return connect(certificates.folder(), port, protocolFlag, "-cert", certificates.clientCert(client).toString(),
                "-key", certificates.clientKey(client).toString());
    }

    boolean handshakeCompleted() {
        return protocol != null;
    }

    @Override
    public String toString() {
        // Hex dumps of session tickets only bury the lines that explain a failure.
        String readable = output.lines()
                .filter(line -> !HEX_DUMP_LINE.matcher(line).find())
                .collect(Collectors.joining("\n"));
        return "s_client: protocol " + protocol + ", cipher " + cipher + ", greeted " + greeted + "\n" + readable;
    }
}
