package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The maxQueuedBytesPerConnection setting: a client that never reads is disconnected, memory stays bounded. */
class SendQueueLimitTest {

    private static final int LIMIT = 64 * 1024;
    private static final int CHUNK = 256 * 1024;
    /** Far more than loopback socket buffers absorb, so the limit must be reached within this many sends. */
    private static final int MAX_SENDS = 400;

    private final NettyServerService service = new NettyServerService(TestSettings.loopback().withMaxQueuedBytes(LIMIT));

    @AfterEach
    void stopService() {
        service.deactivate();
    }

    @Test
    void clientThatNeverReadsIsDisconnected() throws Exception {
        RecordingListener listener = new RecordingListener();
        ServerHandle server = service.start(ServerSpec.plain("queue-test", 0).build(), listener);
        assertEquals(RecordingListener.Kind.SERVER_ONLINE, listener.next().kind());

        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            RecordingListener.Event online = listener.next();
            assertEquals(RecordingListener.Kind.ONLINE, online.kind());

            int accepted = 0;
            while (accepted < MAX_SENDS && service.send(online.handle(), new byte[CHUNK])) {
                accepted++;
            }
            assertTrue(accepted < MAX_SENDS, "send kept accepting data for a client that never reads");
            assertFalse(service.send(online.handle(), new byte[1]), "the connection stays closed");
            assertEquals(RecordingListener.Kind.OFFLINE, listener.next().kind());
        }
    }
}
