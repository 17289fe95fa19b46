package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.driverhost.lua.internal.c4.InboundBacklog;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerService;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * Back-pressure with the real server socket service: a driver whose {@code OnServerDataIn} is held back while
 * a client sends many megabytes.
 */
class BackPressureTest extends DriverTestSupport {

    static final long HIGH_WATER = 256 * 1024;
    static final long LOW_WATER = 64 * 1024;
    /**
     * Bytes that may still arrive after a pause. One socket read is at most 64 KiB (the maximum of Netty
     * 4.2.18's adaptive receive buffer). A read in progress finishes, and a read that an earlier resume scheduled
     * can run once more, so runs show up to two reads. The margin of four reads is an estimate with room to spare,
     * far below the 32 MiB the client sends.
     */
    static final long READ_MARGIN = 4 * 64 * 1024;
    static final int TOTAL_BYTES = 32 * 1024 * 1024;

    static final String SLOW_DRIVER = """
            function OnDriverLateInit() record("slow-create", C4:CreateServer(0, "", false, "slow")) end
            function OnServerStatusChanged(port, status, id) record("slow-status", port, status) end
            function OnServerConnectionStatusChanged(handle, port, status) record("slow-connection", status) end
            function OnServerDataIn(handle, data)
              waitForGate()
              collect(data)
            end
            """;

    static final String FAST_DRIVER = """
            function OnDriverLateInit() record("fast-create", C4:CreateServer(0, "\\n", false, "fast")) end
            function OnServerStatusChanged(port, status, id) record("fast-status", port, status) end
            function OnServerConnectionStatusChanged(handle, port, status) record("fast-connection", status) end
            function OnServerDataIn(handle, data) C4:ServerSend(handle, "echo:" .. data) end
            """;

    private final CountDownLatch firstPause = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final ExecutorService writer = Executors.newSingleThreadExecutor();

    @Override
    DriverManager newManager() {
        DriverLimits limits = new DriverLimits(INSTRUCTION_BUDGET, HIGH_WATER, LOW_WATER,
                DriverLimits.DEFAULT_SANDBOX_MAX_BYTES, DriverLimits.DEFAULT_SANDBOX_MAX_FILES);
        return new DriverManager(new PauseSignal(), data, limits, (instance, globals) -> {
            recorder.accept(instance, globals);
            globals.set("collect", new OneArgFunction() {
                @Override
                public LuaValue call(LuaValue payload) {
                    LuaString bytes = payload.checkstring();
                    synchronized (collected) {
                        collected.write(bytes.m_bytes, bytes.m_offset, bytes.m_length);
                    }
                    return NONE;
                }
            });
            globals.set("waitForGate", new ZeroArgFunction() {
                @Override
                public LuaValue call() {
                    try {
                        gate.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return NONE;
                }
            });
        });
    }

    @AfterEach
    void openGate() {
        gate.countDown();
        writer.shutdownNow();
    }

    @Test
    void slowDriverPausesClientWithoutLosingBytes() throws Exception {
        deploy(C4zFiles.driver("Slow", "1", SLOW_DRIVER).writeTo(deploy.resolve("slow.c4z")));
        assertEquals("slow-create|true", recorder.next());
        int slowPort = Integer.parseInt(recorder.next().split("\\|")[1]);
        deploy(C4zFiles.driver("Fast", "1", FAST_DRIVER).writeTo(deploy.resolve("fast.c4z")));
        assertEquals("fast-create|true", recorder.next());
        int fastPort = Integer.parseInt(recorder.next().split("\\|")[1]);
        InboundBacklog backlog = manager.backlog("slow");
        assertNotNull(backlog);

        byte[] sent = new byte[TOTAL_BYTES];
        new Random(42).nextBytes(sent);
        Socket slowClient = new Socket();
        slowClient.connect(new InetSocketAddress("127.0.0.1", slowPort));
        assertEquals("slow-connection|ONLINE", recorder.next());
        Future<?> writing = writer.submit(() -> {
            try (Socket socket = slowClient; OutputStream out = socket.getOutputStream()) {
                for (int offset = 0; offset < sent.length; offset += 65536) {
                    out.write(sent, offset, Math.min(65536, sent.length - offset));
                }
            }
            return null;
        });

        assertTrue(firstPause.await(30, TimeUnit.SECONDS), "the slow driver's connection was never paused");
        assertTrue(backlog.pendingBytes() <= HIGH_WATER + READ_MARGIN,
                "queued bytes while paused: " + backlog.pendingBytes());

        try (TlsClient fastClient = TlsClient.plain(fastPort)) {
            assertEquals("fast-connection|ONLINE", recorder.next());
            fastClient.write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("echo:ping\n".getBytes(StandardCharsets.US_ASCII), fastClient.read(10),
                    "another driver answers while the slow one is held back");
        }
        assertEquals("fast-connection|OFFLINE", recorder.next());

        gate.countDown();
        writing.get(60, TimeUnit.SECONDS);
        assertEquals("slow-connection|OFFLINE", recorder.next());

        byte[] received;
        synchronized (collected) {
            received = collected.toByteArray();
        }
        assertEquals(sent.length, received.length, "bytes delivered");
        assertArrayEquals(sent, received, "bytes delivered in order and unchanged");
        assertTrue(backlog.pauseCount() >= 1, "pauses: " + backlog.pauseCount());
        assertTrue(backlog.maxPendingBytes() <= HIGH_WATER + READ_MARGIN,
                "largest queue: " + backlog.maxPendingBytes() + " bytes");
        assertEquals(0, backlog.pendingBytes());
    }

    /** The real service, with a signal on the first pause so that the test waits for it instead of for a time. */
    private final class PauseSignal implements ServerService {

        @Override
        public ServerHandle start(ServerSpec spec, ServerListener listener) throws ServerException {
            return servers.start(spec, listener);
        }

        @Override
        public boolean send(long connection, byte[] data) {
            return servers.send(connection, data);
        }

        @Override
        public boolean sendDatagram(String owner, int serverPort, InetSocketAddress recipient, byte[] data) {
            return servers.sendDatagram(owner, serverPort, recipient, data);
        }

        @Override
        public void pauseReading(long connection) {
            servers.pauseReading(connection);
            firstPause.countDown();
        }

        @Override
        public void resumeReading(long connection) {
            servers.resumeReading(connection);
        }

        @Override
        public void close(long connection) {
            servers.close(connection);
        }

        @Override
        public boolean destroy(String owner, int port) {
            return servers.destroy(owner, port);
        }

        @Override
        public void destroyAll(String owner) {
            servers.destroyAll(owner);
        }

        @Override
        public List<ServerHandle> servers() {
            return servers.servers();
        }
    }
}
