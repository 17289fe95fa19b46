package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The maxConnectionsPerServer setting: connections over the limit are closed, the others keep working. */
class ConnectionLimitTest {

    private final NettyServerService service = new NettyServerService(TestSettings.loopback().withMaxConnections(1));

    @AfterEach
    void stopService() {
        service.deactivate();
    }

    @Test
    void connectionOverLimitIsClosed() throws Exception {
        RecordingListener listener = new RecordingListener();
        ServerHandle server = service.start(ServerSpec.plain("limit-test", 0).build(), listener);
        assertEquals(RecordingListener.Kind.SERVER_ONLINE, listener.next().kind());

        try (Socket first = new Socket("127.0.0.1", server.port())) {
            RecordingListener.Event online = listener.next();
            assertEquals(RecordingListener.Kind.ONLINE, online.kind());

            try (Socket second = new Socket("127.0.0.1", server.port())) {
                second.setSoTimeout(10_000);
                InputStream in = second.getInputStream();
                assertEquals(-1, in.read(), "the second connection is closed by the server");
            }

            first.getOutputStream().write("still served".getBytes(StandardCharsets.US_ASCII));
            RecordingListener.Event data = listener.next();
            assertEquals(RecordingListener.Kind.DATA, data.kind());
            assertEquals(online.handle(), data.handle());
            assertArrayEquals("still served".getBytes(StandardCharsets.US_ASCII), data.data());
        }
    }
}
