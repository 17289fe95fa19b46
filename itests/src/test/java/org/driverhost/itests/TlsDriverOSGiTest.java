package org.driverhost.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** A Lua driver's TLS server, end to end: .c4z in deploy/, C4:CreateTLSServer, callbacks, replies, removal. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsDriverOSGiTest extends DriverHostTestSupport {

    private static final String IDENTIFIER = "monitor-id";

    @Test
    public void driverInDeployAtBootServesTls12AndTls13() throws Exception {
        ServerInfo server = awaitServer("tls-echo");
        assertNotEquals("the test driver asked for an ephemeral port", 0, server.port());

        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (TlsTestClient client = TlsTestClient.connect(server.port(), protocol)) {
                assertEquals(protocol, client.negotiatedProtocol());
                client.send("ping over " + protocol + "\n");
                assertEquals("ping over " + protocol, client.readLine());
            }
        }
    }

    @Test
    public void droppedDriverReportsCallbacksAndEchoes() throws Exception {
        Path deployed = deploy(testDriver("monitor-echo"), "dropped-echo");
        ServerInfo server = awaitServer("dropped-echo");
        int port = server.port();

        try (TlsTestClient monitor = TlsTestClient.connect(port, "TLSv1.3")) {
            monitor.send("MONITOR\n");
            String[] hello = monitor.readLine().split(" ");
            assertEquals("HELLO", hello[0]);
            assertEquals("OnServerStatusChanged reported the bound port", Integer.toString(port), hello[2]);
            long monitorHandle = Long.parseLong(hello[1]);

            long clientHandle;
            try (TlsTestClient client = TlsTestClient.connect(port, "TLSv1.2")) {
                String[] online = monitor.readLine().split(" ");
                assertEquals("CONNECTION", online[0]);
                clientHandle = Long.parseLong(online[1]);
                assertNotEquals(monitorHandle, clientHandle);
                assertEquals(Integer.toString(port), online[2]);
                assertEquals("ONLINE", online[3]);
                assertEquals("127.0.0.1", online[4]);
                assertEquals(IDENTIFIER, online[5]);

                // Delimiters fall inside writes, so inside TLS records, and payloads span records.
                client.send("one\ntw");
                client.send("o\nth");
                client.send("ree\n");
                assertEquals("one", client.readLine());
                assertEquals("two", client.readLine());
                assertEquals("three", client.readLine());
                assertEquals(dataLine(clientHandle, "6f6e650a"), monitor.readLine());
                assertEquals(dataLine(clientHandle, "74776f0a"), monitor.readLine());
                assertEquals(dataLine(clientHandle, "74687265650a"), monitor.readLine());

                byte[] binary = {0x00, (byte) 0xff, (byte) 0x80, (byte) 0xc3, 0x28, 0x00, '\n'};
                client.send(binary);
                assertArrayEquals(binary, client.readLineBytes());
                assertEquals(dataLine(clientHandle, "00ff80c328000a"), monitor.readLine());
            }

            assertEquals("CONNECTION " + clientHandle + " " + port + " OFFLINE 127.0.0.1 " + IDENTIFIER, monitor.readLine());

            Files.delete(deployed);
            assertTrue("removing the driver closes its connections", monitor.closedByServer());
        }

        awaitNoServer("dropped-echo");
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
    }

    private static String dataLine(long handle, String hex) {
        return "DATA " + handle + " " + hex + " 127.0.0.1 number " + IDENTIFIER;
    }
}
