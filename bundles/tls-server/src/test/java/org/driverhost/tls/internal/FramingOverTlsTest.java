package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.driverhost.tls.ServerSpec;
import org.driverhost.tls.internal.RecordingListener.Event;
import org.driverhost.tls.internal.RecordingListener.Kind;
import org.driverhost.tls.internal.framing.DelimiterScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The delimiter scenarios of the field case through a real TLS server. A JDK client writes and flushes each
 * chunk on its own, so each chunk leaves as its own TLS record. Then it closes with close_notify or with a
 * TCP reset. The listener must receive exactly the expected payloads, then once the bytes left without
 * delimiter, then OFFLINE.
 */
class FramingOverTlsTest {

    @TempDir
    static Path folder;

    private static SSLContext clientContext;
    private TlsServerFixture server;

    @BeforeAll
    static void makeClient() throws Exception {
        TestCertificates.serverOnly(folder);
        clientContext = JdkTlsClient.context(folder.resolve(TestCertificates.SERVER_CERT), null);
    }

    @BeforeEach
    void startService() {
        server = new TlsServerFixture(TestSettings.loopback());
    }

    @AfterEach
    void stopService() {
        server.close();
    }

    static Stream<Arguments> scenarios() throws IOException {
        return DelimiterScenario.all().stream().flatMap(scenario -> Stream.of(
                Arguments.of(scenario, true), Arguments.of(scenario, false)));
    }

    @ParameterizedTest(name = "{0}, close_notify {1}")
    @MethodSource("scenarios")
    void scenarioPayloadsReachListener(DelimiterScenario scenario, boolean closeNotify) throws Exception {
        ServerSpec spec = TlsServerFixture.spec(folder, 0, 0x01, "").delimiter(scenario.delimiter()).build();
        int port = server.service().start(spec, server.listener()).port();

        List<Event> connection = new ArrayList<>();
        try (SSLSocket socket = JdkTlsClient.connect(clientContext, port)) {
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            for (byte[] chunk : scenario.chunks()) {
                out.write(chunk);
                out.flush();
            }
            if (!closeNotify) {
                // A reset may overtake bytes the server has not read yet, so reset only once they arrived.
                awaitPayloads(connection, scenario.expectedPayloads().size());
                socket.setSoLinger(true, 0);
            }
        }
        awaitOffline(connection);

        assertEquals(Kind.ONLINE, connection.get(0).kind(), connection::toString);
        assertEquals(hex(scenario.payloadsUntilClose()), dataHex(connection), connection::toString);
        assertEquals(Kind.OFFLINE, connection.get(connection.size() - 1).kind(), connection::toString);
    }

    private void awaitPayloads(List<Event> connection, int count) throws InterruptedException {
        while (dataHex(connection).size() < count) {
            connection.add(nextConnectionEvent());
        }
    }

    private void awaitOffline(List<Event> connection) throws InterruptedException {
        while (connection.isEmpty() || connection.get(connection.size() - 1).kind() != Kind.OFFLINE) {
            connection.add(nextConnectionEvent());
        }
    }

    private Event nextConnectionEvent() throws InterruptedException {
        Event event = server.listener().next();
        while (event.kind() == Kind.SERVER_ONLINE) {
            event = server.listener().next();
        }
        return event;
    }

    private static List<String> dataHex(List<Event> connection) {
        return connection.stream().filter(event -> event.kind() == Kind.DATA).map(Event::dataHex).toList();
    }

    private static List<String> hex(List<byte[]> payloads) {
        return payloads.stream().map(HexFormat.of()::formatHex).toList();
    }
}
