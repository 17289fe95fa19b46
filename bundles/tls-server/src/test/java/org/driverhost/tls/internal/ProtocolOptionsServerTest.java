package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.internal.openssl.CipherString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of the field case "TLS 1.3 outside the cipher list, option bits": real servers probed with the
 * real {@code openssl s_client}, compared with what an OpenSSL 3.0 {@code s_server} negotiates. TLS 1.0 and
 * 1.1 fail here because JDK 17's default {@code jdk.tls.disabledAlgorithms} forbids them, and OpenSSL 3.0
 * refuses them too at its default security level. Exact cipher names are checked only once the cipher
 * string translation selects suites, because until then Netty's default suite order decides them.
 */
class ProtocolOptionsServerTest {

    private static final String[] LEGACY_CLIENT = {"-cipher", "DEFAULT:@SECLEVEL=0"};

    @TempDir
    Path folder;

    private TlsServerFixture server;

    @BeforeEach
    void startService() throws Exception {
        TestCertificates.serverOnly(folder);
        server = new TlsServerFixture(TestSettings.loopback());
    }

    @AfterEach
    void stopService() {
        server.close();
    }

    @Test
    void defaultOptionsServeTls12AndTls13() throws Exception {
        int port = start(0, "").port();

        SClientProbe tls11 = SClientProbe.connect(folder, port, "-tls1_1", LEGACY_CLIENT);
        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");
        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

        assertFalse(tls11.handshakeCompleted(), tls11::toString);
        assertEquals("TLSv1.2", tls12.protocol(), tls12::toString);
        assertTrue(tls12.greeted(), tls12::toString);
        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
        assertTrue(tls13.greeted(), tls13::toString);

        assumeCipherTranslation("HIGH:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK");
        assertEquals("ECDHE-RSA-AES256-GCM-SHA384", tls12.cipher(), tls12::toString);
        assertEquals("TLS_AES_256_GCM_SHA384", tls13.cipher(), tls13::toString);
    }

    @Test
    void cipherListLeavesTls13On() throws Exception {
        int port = start(0, "AES256-SHA").port();

        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");
        SClientProbe tls13WithOtherTls12Cipher = SClientProbe.connect(folder, port, "-tls1_3", "-cipher", "AES128-SHA");
        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");

        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
        assertEquals("TLSv1.3", tls13WithOtherTls12Cipher.protocol(), tls13WithOtherTls12Cipher::toString);
        assertEquals("TLSv1.2", tls12.protocol(), tls12::toString);

        assumeCipherTranslation("AES256-SHA");
        assertEquals("TLS_AES_256_GCM_SHA384", tls13.cipher(), tls13::toString);
        assertEquals("AES256-SHA", tls12.cipher(), tls12::toString);
        SClientProbe outsideList = SClientProbe.connect(folder, port, "-tls1_2", "-cipher", "AES128-SHA");
        assertFalse(outsideList.handshakeCompleted(), outsideList::toString);
    }

    @Test
    void ecdsaCiphersWithRsaKeepTls13() throws Exception {
        int port = start(0, "ECDHE-ECDSA-AES128-GCM-SHA256").port();

        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);

        assumeCipherTranslation("ECDHE-ECDSA-AES128-GCM-SHA256");
        assertEquals("TLS_AES_256_GCM_SHA384", tls13.cipher(), tls13::toString);
        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");
        assertFalse(tls12.handshakeCompleted(), tls12::toString);
    }

    @Test
    void noTls13BitServesTls12Only() throws Exception {
        int port = start(0xBD, "AES256-SHA").port();

        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");
        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

        assertEquals("TLSv1.2", tls12.protocol(), tls12::toString);
        assertTrue(tls12.greeted(), tls12::toString);
        assertFalse(tls13.handshakeCompleted(), tls13::toString);

        assumeCipherTranslation("AES256-SHA");
        assertEquals("AES256-SHA", tls12.cipher(), tls12::toString);
    }

    @Test
    void noTls12BitServesTls13Only() throws Exception {
        int port = start(0x7D, "").port();

        SClientProbe tls11 = SClientProbe.connect(folder, port, "-tls1_1", LEGACY_CLIENT);
        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");
        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

        assertFalse(tls11.handshakeCompleted(), tls11::toString);
        assertFalse(tls12.handshakeCompleted(), tls12::toString);
        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
        assertTrue(tls13.greeted(), tls13::toString);
    }

    @Test
    void everyTlsVersionOffIsRejected() {
        ServerException error = assertThrows(ServerException.class, () -> start(0xFD, ""));

        assertTrue(error.getMessage().startsWith("invalid options 0xFD:"), error::getMessage);
        assertTrue(server.listener().drain().isEmpty(), "a rejected server reports no event");
    }

    @Test
    void legacyVersionsWarnedNewerServed() throws Exception {
        ServerHandle handle;
        try (LogCapture log = new LogCapture()) {
            handle = start(0x0D, "");

            assertEquals(1, log.linesContaining("TLSv1.1 stays off"), log::text);
            assertEquals(1, log.linesContaining("TLSv1 stays off"), log::text);
            assertEquals(2, log.linesContaining(handle.spec().toString() + ": TLSv1"), log::text);
            assertEquals(2, log.linesContaining("jdk.tls.disabledAlgorithms"), log::text);
            assertEquals(0, log.linesContaining("SSLv2 or SSLv3"), log::text);
        }
        int port = handle.port();

        SClientProbe tls10 = SClientProbe.connect(folder, port, "-tls1", LEGACY_CLIENT);
        SClientProbe tls11 = SClientProbe.connect(folder, port, "-tls1_1", LEGACY_CLIENT);
        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");
        SClientProbe tls13 = SClientProbe.connect(folder, port, "-tls1_3");

        assertFalse(tls10.handshakeCompleted(), tls10::toString);
        assertFalse(tls11.handshakeCompleted(), tls11::toString);
        assertEquals("TLSv1.2", tls12.protocol(), tls12::toString);
        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
    }

    @Test
    void workaroundsOnlyLogsSslOnce() throws Exception {
        ServerHandle handle;
        try (LogCapture log = new LogCapture()) {
            handle = start(0x01, "");

            assertEquals(1, log.linesContaining("SSLv2 or SSLv3"), log::text);
            assertEquals(1, log.linesContaining("TLSv1.1 stays off"), log::text);
            assertEquals(1, log.linesContaining("TLSv1 stays off"), log::text);
        }

        SClientProbe tls11 = SClientProbe.connect(folder, handle.port(), "-tls1_1", LEGACY_CLIENT);
        SClientProbe tls12 = SClientProbe.connect(folder, handle.port(), "-tls1_2");
        SClientProbe tls13 = SClientProbe.connect(folder, handle.port(), "-tls1_3");

        assertFalse(tls11.handshakeCompleted(), tls11::toString);
        assertEquals("TLSv1.2", tls12.protocol(), tls12::toString);
        assertEquals("TLSv1.3", tls13.protocol(), tls13::toString);
    }

    @Test
    void onlyLegacyVersionsLeftIsRejected() {
        // 0xCD leaves only TLS 1.0 and 1.1 on, which JDK 17 forbids by default.
        ServerException error = assertThrows(ServerException.class, () -> start(0xCD, ""));

        assertTrue(error.getMessage().startsWith("invalid options 0xCD: this JVM forbids every protocol"),
                error::getMessage);
        assertTrue(error.getMessage().contains("TLSv1.1 (listed in jdk.tls.disabledAlgorithms)"), error::getMessage);
    }

    @Test
    void refusedClientNeverComesOnline() throws Exception {
        int port = start(0x7D, "").port();

        SClientProbe tls12 = SClientProbe.connect(folder, port, "-tls1_2");

        assertFalse(tls12.greeted(), tls12::toString);
        List<RecordingListener.Event> events = server.listener().drain();
        assertEquals(List.of(RecordingListener.Kind.SERVER_ONLINE),
                events.stream().map(RecordingListener.Event::kind).toList(), events::toString);
        assertNull(tls12.protocol(), tls12::toString);
    }

    @Test
    void jdkClientsFollowOptionBits() throws Exception {
        SSLContext client = JdkTlsClient.context(folder.resolve(TestCertificates.SERVER_CERT), null);
        int tls12Only = start(0xBD, "").port();
        int tls13Only = start(0x7D, "").port();

        assertEquals("TLSv1.2", negotiate(client, tls12Only, "TLSv1.3", "TLSv1.2"));
        assertThrows(SSLException.class, () -> negotiate(client, tls12Only, "TLSv1.3"));
        assertEquals("TLSv1.3", negotiate(client, tls13Only, "TLSv1.3", "TLSv1.2"));
        assertThrows(SSLException.class, () -> negotiate(client, tls13Only, "TLSv1.2"));
    }

    /** Returns the protocol a JDK client negotiates when it offers only {@code protocols}. */
    private static String negotiate(SSLContext client, int port, String... protocols) throws IOException {
        try (SSLSocket socket = JdkTlsClient.connect(client, port)) {
            socket.setEnabledProtocols(protocols);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    private ServerHandle start(long options, String cipherList) throws ServerException {
        return server.startGreeting(folder, options, 0x01, "", cipherList);
    }

    /** Skips the rest of a test while the cipher string translation still keeps the JVM's defaults. */
    private static void assumeCipherTranslation(String cipherList) throws ServerException, NoSuchAlgorithmException {
        List<String> supported = Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        assumeFalse(CipherString.resolve(cipherList, supported).isEmpty(),
                "the cipher string translation does not select suites yet");
    }
}
