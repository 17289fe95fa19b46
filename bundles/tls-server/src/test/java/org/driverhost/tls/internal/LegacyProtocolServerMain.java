package org.driverhost.tls.internal;

import java.nio.file.Path;
import org.driverhost.tls.ServerHandle;

/**
 * Runs one TLS server with options 0x0D (TLS 1.0 to 1.3 left on) in a JVM of its own, so that a test can
 * start it with a changed {@code jdk.tls.disabledAlgorithms}. Prints the bound port on a line of its own,
 * then serves until its standard input ends.
 */
public final class LegacyProtocolServerMain {

    private LegacyProtocolServerMain() {
    }

    /** Takes the folder that contains the server's certificate and key files. */
    public static void main(String[] arguments) throws Exception {
        try (TlsServerFixture server = new TlsServerFixture(TestSettings.loopback())) {
            ServerHandle handle = server.startGreeting(Path.of(arguments[0]), 0x0D, 0x01, "", "");
            System.out.println("PORT " + handle.port());
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
