package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.driverhost.lua.DriverState;
import org.junit.jupiter.api.Test;

/**
 * {@code C4:CreateServer} over plain TCP and UDP on the real server socket service, driven by JDK clients on
 * loopback.
 */
class PlainServerDriverTest extends DriverTestSupport {

    /** A TCP line echo server that also understands "bye" (close the client) and "destroy" (destroy the server). */
    static final String TCP_DRIVER = """
            function OnDriverLateInit() record("create", C4:CreateServer(0, "\\n", false, "tcp-1")) end
            function OnServerStatusChanged(port, status, id) record("status", type(port), port, status, id) end
            function OnServerConnectionStatusChanged(handle, port, status, address, id)
              record("connection", type(handle), handle, port, status, address, id)
            end
            function OnServerDataIn(handle, data, address, port, id)
              record("data", handle, (data:gsub("\\n", "\\\\n")), address, type(port), port, id)
              C4:ServerSend(handle, "echo:" .. data)
              if data == "bye\\n" then C4:ServerCloseClient(handle) end
              if data == "destroy\\n" then record("destroy", C4:DestroyServer(LAST_PORT)) end
            end
            function OnDriverDestroyed(dit) record("destroyed", dit) end
            """;

    /** A UDP server that replies to each payload, from its own socket, with "echo:" and the payload. */
    static final String UDP_DRIVER = """
            function OnDriverLateInit() record("create", C4:CreateServer(UDP_PORT or 0, "\\n", true, "udp-1")) end
            function OnServerStatusChanged(port, status, id)
              if status == "ONLINE" then UDP_PORT = port end
              record("status", type(port), port, status, id)
            end
            function OnServerConnectionStatusChanged(handle, port, status, address, id)
              record("connection", handle, port, status)
            end
            function OnServerDataIn(handle, data, address, port, id)
              record("data", type(handle), handle, (data:gsub("\\n", "\\\\n")), address, type(port), port, id)
              if data == "destroy\\n" then
                record("destroy", C4:DestroyServer(UDP_PORT))
                record("send-after-destroy", C4:ServerSend(port, "late", address))
                record("recreate", C4:CreateServer(UDP_PORT, "", true, "udp-2"))
                return
              end
              record("send", C4:ServerSend(port, "echo:" .. data, address))
            end
            """;

    @Test
    void tcpEchoAndOfflineWhenClientCloses() throws Exception {
        deploy(C4zFiles.driver("Tcp", "1", TCP_DRIVER).writeTo(deploy.resolve("tcp.c4z")));
        assertEquals("create|true", recorder.next());
        int port = onlinePort("tcp-1");

        String handle;
        try (TlsClient client = TlsClient.plain(port)) {
            String online = recorder.next();
            assertTrue(online.matches("connection\\|number\\|\\d+\\|" + port + "\\|ONLINE\\|127\\.0\\.0\\.1\\|tcp-1"), online);
            handle = online.split("\\|")[2];

            client.writeInPieces("one\ntw".getBytes(StandardCharsets.US_ASCII), 2, 3);
            client.write("o\n".getBytes(StandardCharsets.US_ASCII));
            String suffix = "|127.0.0.1|number|" + client.localPort() + "|tcp-1";
            assertEquals("data|" + handle + "|one\\n" + suffix, recorder.next());
            assertEquals("data|" + handle + "|two\\n" + suffix, recorder.next());
            assertArrayEquals("echo:one\necho:two\n".getBytes(StandardCharsets.US_ASCII), client.read(18));
        }
        assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
    }

    @Test
    void tcpOfflineWhenClientResets() throws Exception {
        deploy(C4zFiles.driver("Tcp", "1", TCP_DRIVER).writeTo(deploy.resolve("reset.c4z")));
        recorder.next();
        int port = onlinePort("tcp-1");

        Socket socket = new Socket("127.0.0.1", port);
        String handle = recorder.next().split("\\|")[2];
        // Linger 0 makes close send a TCP reset instead of a FIN.
        socket.setSoLinger(true, 0);
        socket.close();

        assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
    }

    @Test
    void tcpServerCloseClientAfterReply() throws Exception {
        deploy(C4zFiles.driver("Tcp", "1", TCP_DRIVER).writeTo(deploy.resolve("closer.c4z")));
        recorder.next();
        int port = onlinePort("tcp-1");

        try (TlsClient client = TlsClient.plain(port)) {
            String handle = recorder.next().split("\\|")[2];
            client.write("bye\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(recorder.next().startsWith("data|" + handle + "|bye\\n|"));
            assertArrayEquals("echo:bye\n".getBytes(StandardCharsets.US_ASCII), client.read(9));
            assertEquals(-1, client.readByte());
            assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
        }
    }

    @Test
    void tcpDestroyServerReportsConnectionThenServerOffline() throws Exception {
        String lua = TCP_DRIVER.replace("record(\"status\", type(port), port, status, id)",
                "LAST_PORT = port record(\"status\", type(port), port, status, id)");
        deploy(C4zFiles.driver("Tcp", "1", lua).writeTo(deploy.resolve("destroyer.c4z")));
        recorder.next();
        int port = onlinePort("tcp-1");

        try (TlsClient client = TlsClient.plain(port)) {
            String handle = recorder.next().split("\\|")[2];
            client.write("destroy\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(recorder.next().startsWith("data|" + handle + "|destroy\\n|"));
            assertEquals("destroy|true", recorder.next());
            assertArrayEquals("echo:destroy\n".getBytes(StandardCharsets.US_ASCII), client.read(13),
                    "the reply queued before DestroyServer is written first");
            assertEquals(-1, client.readByte());
            assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
            assertEquals("status|number|" + port + "|OFFLINE|tcp-1", recorder.next());
        }
        assertPortClosed(port);
    }

    @Test
    void tcpUnloadReportsConnectionThenServerOffline() throws Exception {
        Path c4z = C4zFiles.driver("Tcp", "1", TCP_DRIVER).writeTo(deploy.resolve("leaving.c4z"));
        deploy(c4z);
        recorder.next();
        int port = onlinePort("tcp-1");

        try (TlsClient client = TlsClient.plain(port)) {
            String handle = recorder.next().split("\\|")[2];
            manager.uninstall(c4z);
            assertEquals("destroyed|DIT_LOADED", recorder.next());
            assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
            assertEquals("status|number|" + port + "|OFFLINE|tcp-1", recorder.next());
            assertEquals(-1, client.readByte());
        }
        assertPortClosed(port);
    }

    @Test
    void tcpUpdateReportsOfflineBeforeNewVersion() throws Exception {
        Path c4z = C4zFiles.driver("Tcp", "1", TCP_DRIVER).writeTo(deploy.resolve("updating.c4z"));
        deploy(c4z);
        recorder.next();
        int port = onlinePort("tcp-1");

        try (TlsClient client = TlsClient.plain(port)) {
            String handle = recorder.next().split("\\|")[2];
            C4zFiles.driver("Tcp", "2", TCP_DRIVER).writeTo(c4z);
            update(c4z);
            assertEquals("destroyed|DIT_UPDATING", recorder.next());
            assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tcp-1", recorder.next());
            assertEquals("status|number|" + port + "|OFFLINE|tcp-1", recorder.next());
            assertEquals(-1, client.readByte());
        }
        assertEquals("create|true", recorder.next());
    }

    @Test
    void udpDatagramsReachDriverAndRepliesReturn() throws Exception {
        deploy(C4zFiles.driver("Udp", "1", UDP_DRIVER).writeTo(deploy.resolve("udp.c4z")));
        assertEquals("create|true", recorder.next());
        int port = onlinePort("udp-1");

        try (DatagramSocket client = udpClient()) {
            send(client, port, "first\nsecond\ntail");
            String prefix = "data|number|";
            String suffix = "|127.0.0.1|number|" + client.getLocalPort() + "|udp-1";
            String first = recorder.next();
            assertTrue(first.startsWith(prefix), first);
            assertTrue(first.endsWith("|first\\n" + suffix), first);
            String handle = first.split("\\|")[2];
            assertEquals("send|true", recorder.next());
            assertEquals(prefix + handle + "|second\\n" + suffix, recorder.next());
            assertEquals("send|true", recorder.next());
            assertEquals(prefix + handle + "|tail" + suffix, recorder.next(), "the rest of a datagram is a payload");
            assertEquals("send|true", recorder.next());

            assertEquals("echo:first\n", receive(client));
            assertEquals("echo:second\n", receive(client));
            assertEquals("echo:tail", receive(client));

            try (DatagramSocket other = udpClient()) {
                send(other, port, "x");
                String fromOther = recorder.next();
                assertEquals(prefix + handle + "|x|127.0.0.1|number|" + other.getLocalPort() + "|udp-1", fromOther,
                        "every sender gets the server's handle");
                assertEquals("send|true", recorder.next());
                assertEquals("echo:x", receive(other));
            }
        }
    }

    @Test
    void udpDestroyServerFreesPortAndStopsSends() throws Exception {
        deploy(C4zFiles.driver("Udp", "1", UDP_DRIVER).writeTo(deploy.resolve("udpdestroy.c4z")));
        recorder.next();
        int port = onlinePort("udp-1");

        try (DatagramSocket client = udpClient()) {
            send(client, port, "destroy\n");
            assertTrue(recorder.next().startsWith("data|number|"));
            assertEquals("destroy|true", recorder.next());
            assertEquals("send-after-destroy|false|C4:ServerSend with a remote address sends UDP, but this driver "
                    + "has no UDP server; call C4:CreateServer(port, delimiter, true) first", recorder.next());
            assertEquals("recreate|true", recorder.next(), "the port is free again at once");
            assertEquals("status|number|" + port + "|OFFLINE|udp-1", recorder.next(),
                    "no connection events come before the server's OFFLINE");
            assertEquals("status|number|" + port + "|ONLINE|udp-2", recorder.next());

            send(client, port, "again");
            assertTrue(recorder.next().endsWith("|again|127.0.0.1|number|" + client.getLocalPort() + "|udp-2"));
            assertEquals("send|true", recorder.next());
            assertEquals("echo:again", receive(client));
        }
    }

    @Test
    void udpPortConflicts() throws Exception {
        String lua = """
                function OnDriverLateInit() record("tcp", C4:CreateServer(0, "", false, "tcp")) end
                function OnServerStatusChanged(port, status, id)
                  record("status", port, status, id)
                  if id == "tcp" and status == "ONLINE" then
                    record("udp", C4:CreateServer(port, "", true, "udp"))
                    record("udp-again", C4:CreateServer(port, "", true, "udp-again"))
                    record("tcp-again", C4:CreateServer(port, "", false, "tcp-again"))
                  end
                end
                """;
        deploy(C4zFiles.driver("Shared", "1", lua).writeTo(deploy.resolve("shared.c4z")));
        assertEquals("tcp|true", recorder.next());
        String online = recorder.next();
        int port = Integer.parseInt(online.split("\\|")[1]);
        assertEquals("status|" + port + "|ONLINE|tcp", online);
        assertEquals("udp|true", recorder.next());
        assertEquals("udp-again|false|invalid port " + port + ": a DriverHost UDP server already listens on it; "
                + "destroy that server first or choose another port", recorder.next());
        assertEquals("tcp-again|false|invalid port " + port + ": a DriverHost TCP server already listens on it; "
                + "destroy that server first or choose another port", recorder.next());
        assertEquals("status|" + port + "|ONLINE|udp", recorder.next());
    }

    @Test
    void udpPortHeldOutsideDriverHostIsRejected() throws Exception {
        try (DatagramSocket holder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String lua = "function OnDriverLateInit() record('udp', C4:CreateServer(" + holder.getLocalPort()
                    + ", '', true)) end";
            deploy(C4zFiles.driver("Held", "1", lua).writeTo(deploy.resolve("held.c4z")));
            String result = recorder.next();
            assertTrue(result.startsWith("udp|false|invalid port " + holder.getLocalPort()
                    + ": it is already in use for UDP on 127.0.0.1"), result);
        }
        assertEquals(DriverState.RUNNING, manager.driver("held").orElseThrow().state());
    }

    @Test
    void udpSendWithoutUdpServerFails() throws Exception {
        String lua = """
                function OnDriverLateInit()
                  record("send", C4:ServerSend(9, "x", "127.0.0.1"))
                  record("port", C4:ServerSend(0, "x", "127.0.0.1"))
                end
                """;
        deploy(C4zFiles.driver("NoUdp", "1", lua).writeTo(deploy.resolve("noudp.c4z")));
        assertEquals("send|false|C4:ServerSend with a remote address sends UDP, but this driver has no UDP server; "
                + "call C4:CreateServer(port, delimiter, true) first", recorder.next());
        assertEquals("port|false|invalid remotePort 0: expected a port number from 1 to 65535", recorder.next());
    }

    private static DatagramSocket udpClient() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(DatagramSocket socket, int port, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        assertNotEquals(0, packet.getPort());
        return new String(Arrays.copyOf(packet.getData(), packet.getLength()), StandardCharsets.US_ASCII);
    }
}
