package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.driverhost.tls.ConnectionInfo;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing a running TLS server's credentials with {@code ServerService.update}. */
class ServerUpdateTest {

    private static final String OWNER = "update-test";

    @TempDir
    Path folder;

    private NettyServerService service;

    @BeforeEach
    void setUp() throws Exception {
        service = new NettyServerService(TestSettings.loopback());
        makeCertificate("first");
        makeCertificate("second");
    }

    @AfterEach
    void tearDown() {
        service.deactivate();
    }

    @Test
    void newCertificateForNewConnectionsOnly() throws Exception {
        ServerHandle server = service.start(spec(0, "first").build(), new EchoListener());
        int port = server.port();

        try (SSLSocket before = connect(port)) {
            assertEquals("CN=first", subject(before));

            service.update(spec(port, "second").build());

            try (SSLSocket after = connect(port)) {
                assertEquals("CN=second", subject(after));
            }
            assertEquals("still here", echo(before, "still here"));
        }
        assertEquals("second.pem", server.spec().certificate());
    }

    @Test
    void invalidCertificateKeepsRunningOne() throws Exception {
        int port = service.start(spec(0, "first").build(), new EchoListener()).port();

        ServerSpec broken = spec(port, "first").certificate("missing.pem").build();
        assertThrows(ServerException.class, () -> service.update(broken));

        try (SSLSocket socket = connect(port)) {
            assertEquals("CN=first", subject(socket));
        }
    }

    @Test
    void changedDelimiterRejected() throws Exception {
        int port = service.start(spec(0, "first").build(), new EchoListener()).port();

        ServerSpec changed = spec(port, "second").delimiter(new byte[] {'\r'}).build();
        ServerException error = assertThrows(ServerException.class, () -> service.update(changed));

        assertTrue(error.getMessage().contains("delimiter"), error.getMessage());
    }

    @Test
    void unknownServerRejected() {
        ServerException error = assertThrows(ServerException.class, () -> service.update(spec(1, "first").build()));

        assertTrue(error.getMessage().contains("has no server"), error.getMessage());
    }

    private ServerSpec.Builder spec(int port, String name) {
        return ServerSpec.tls(OWNER, port)
                .delimiter(new byte[] {'\n'})
                .certificate(name + ".pem")
                .privateKey(name + "-key.pem")
                .fileRoots(List.of(folder));
    }

    private void makeCertificate(String name) throws Exception {
        OpensslCli.runOk(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + "-key.pem", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name);
    }

    private static SSLSocket connect(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.startHandshake();
        return socket;
    }

    private static String subject(SSLSocket socket) throws Exception {
        X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return certificate.getSubjectX500Principal().getName();
    }

    private static String echo(SSLSocket socket, String line) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    /** Sends every payload back to its connection. */
    private final class EchoListener implements ServerListener {
        @Override
        public void serverOnline(int port) {
        }

        @Override
        public void serverOffline(int port) {
        }

        @Override
        public void connectionOnline(ConnectionInfo connection) {
        }

        @Override
        public void connectionOffline(ConnectionInfo connection) {
        }

        @Override
        public void dataReceived(ConnectionInfo connection, byte[] data) {
            service.send(connection.handle(), data);
        }
    }

    /** Trusts any server, because the tests read which certificate the server presented. */
    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
