package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.internal.RecordingListener.Event;
import org.driverhost.tls.internal.RecordingListener.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each verify mode against three real {@code openssl s_client} clients: one without certificate, one whose
 * certificate the driver's CA issued, and one issued by a CA the server does not know. The driver's CA
 * reaches the server through the {@code chain} parameter.
 */
class VerifyModeServerTest {

    @TempDir
    static Path folder;

    private static TestCertificates certificates;
    private TlsServerFixture server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.withClients(folder);
    }

    @BeforeEach
    void startService() {
        server = new TlsServerFixture(TestSettings.loopback());
    }

    @AfterEach
    void stopService() {
        server.close();
    }

    /** verifyMode, protocol flag, and whether each client is accepted: none, trusted, untrusted. */
    static Stream<Arguments> modes() {
        return Stream.of("-tls1_2", "-tls1_3").flatMap(protocol -> Stream.of(
                Arguments.of(0x01, protocol, true, true, true),
                Arguments.of(0x02, protocol, true, true, false),
                Arguments.of(0x0A, protocol, true, true, false),
                Arguments.of(0x00, protocol, true, true, false),
                Arguments.of(0x06, protocol, false, true, false),
                Arguments.of(0x0E, protocol, false, true, false)));
    }

    @ParameterizedTest(name = "verifyMode 0x{0} {1}")
    @MethodSource("modes")
    void verifyModeDecidesWhichClientsComeOnline(int verifyMode, String protocol, boolean noCertificateAccepted,
            boolean trustedAccepted, boolean untrustedAccepted) throws Exception {
        int port = server.startGreeting(folder, 0, verifyMode, TestCertificates.CLIENT_CA, "").port();
        server.listener().drain();

        SClientProbe none = SClientProbe.connect(folder, port, protocol);
        checkOutcome("no certificate", none, noCertificateAccepted);
        SClientProbe trusted = SClientProbe.connectWithCertificate(certificates, port, protocol, "trusted-client");
        checkOutcome("trusted certificate", trusted, trustedAccepted);
        SClientProbe untrusted = SClientProbe.connectWithCertificate(certificates, port, protocol, "untrusted-client");
        checkOutcome("untrusted certificate", untrusted, untrustedAccepted);
    }

    @Test
    void optionalWithoutCaServesAnonymousClients() throws Exception {
        int port = server.startGreeting(folder, 0, 0x0A, "", "").port();
        server.listener().drain();

        SClientProbe none = SClientProbe.connect(folder, port, "-tls1_3");
        checkOutcome("no certificate", none, true);
        SClientProbe withCertificate = SClientProbe.connectWithCertificate(certificates, port, "-tls1_3", "trusted-client");
        checkOutcome("certificate without CA to check it", withCertificate, false);
    }

    @Test
    void requireWithoutAnyCaIsRejected() {
        ServerException error = assertThrows(ServerException.class,
                () -> server.startGreeting(folder, 0, 0x0E, "", ""));

        assertTrue(error.getMessage().startsWith("invalid verifyMode 0x0E: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) "
                + "requires a client certificate, but there is no CA certificate"), error::getMessage);
    }

    @Test
    void contradictoryVerifyModeIsRejectedAtStart() {
        ServerException error = assertThrows(ServerException.class,
                () -> server.startGreeting(folder, 0, 0x05, TestCertificates.CLIENT_CA, ""));

        assertEquals("invalid verifyMode 0x05: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)",
                error.getMessage());
    }

    /** Checks both sides: the greeting at the client, and the listener's events at the server. */
    private void checkOutcome(String client, SClientProbe probe, boolean accepted) throws InterruptedException {
        if (accepted) {
            assertTrue(probe.greeted(), () -> client + " should be accepted; " + probe);
            List<Event> connection = server.listener().nextConnection();
            assertEquals(Kind.ONLINE, connection.get(0).kind(), connection::toString);
        } else {
            assertFalse(probe.greeted(), () -> client + " should be refused; " + probe);
            List<Event> events = server.listener().drain();
            assertTrue(events.stream().noneMatch(event -> event.kind() == Kind.ONLINE),
                    () -> client + " was refused but reached the listener: " + events);
        }
    }
}
