package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code C4:CreateServer} over TCP and UDP in the running assembly, and a driver that tries to read files outside
 * its folders.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlainServersOSGiTest extends DriverHostTestSupport {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @Test
    public void tcpAndUdpServersEcho() throws Exception {
        Path deployed = deploy(testDriver("plain-servers"), "plain-both");
        int tcpPort = awaitServer("plain-both", false).port();
        int udpPort = awaitServer("plain-both", true).port();
        assertNotEquals(0, tcpPort);
        assertNotEquals(0, udpPort);

        try (Socket socket = connect(tcpPort)) {
            BufferedReader in = reader(socket);
            send(socket, "one\ntwo\n");
            assertEquals("one", in.readLine());
            assertEquals("two", in.readLine());
        }

        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            byte[] datagram = "ping".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), udpPort));
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            client.receive(reply);
            assertEquals("udp:ping", new String(Arrays.copyOf(reply.getData(), reply.getLength()),
                    StandardCharsets.US_ASCII));
            assertEquals("the reply comes from the UDP server's socket", udpPort, reply.getPort());
        }

        Files.delete(deployed);
        awaitNoServer("plain-both");
        assertTrue(servers().stream().noneMatch(server -> server.owner().equals("plain-both")));
    }

    @Test
    public void readsOutsideSandboxFailAndDriverGoesOn() throws Exception {
        Path deployed = deploy(testDriver("plain-servers"), "plain-reader");
        int tcpPort = awaitServer("plain-reader", false).port();

        try (Socket socket = connect(tcpPort)) {
            BufferedReader in = reader(socket);
            send(socket, "READ /etc/passwd\n");
            assertEquals("ERR io error: io.open: invalid path \"/etc/passwd\": absolute paths are not allowed; give "
                    + "a path relative to the driver's package or sandbox folder", in.readLine());
            send(socket, "READ ../../../etc/passwd\n");
            assertEquals("ERR io error: io.open: invalid path \"../../../etc/passwd\": paths may not start with '.' "
                    + "or '..'; give a path relative to the driver's package or sandbox folder", in.readLine());
            send(socket, "READ hello.txt\n");
            assertEquals("OK hello from the package", in.readLine());
            send(socket, "still serving\n");
            assertEquals("still serving", in.readLine());
        }
        Files.delete(deployed);
        awaitNoServer("plain-reader");
    }

    /** Waits until the owner has a running server of that protocol and returns it. */
    private ServerInfo awaitServer(String owner, boolean udp) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ServerInfo> server = servers().stream()
                    .filter(candidate -> candidate.owner().equals(owner) && candidate.udp() == udp)
                    .findFirst();
            if (server.isPresent()) {
                return server.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no " + (udp ? "UDP" : "TCP") + " server of driver " + owner + " within "
                + DEPLOY_TIMEOUT_MILLIS + " ms");
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
