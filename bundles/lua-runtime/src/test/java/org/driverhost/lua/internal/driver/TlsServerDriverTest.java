package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drivers with TLS servers on the real server socket service, driven by JDK SSLSocket clients on loopback. */
class TlsServerDriverTest extends DriverTestSupport {

    /** Echoes each payload with an "echo:" prefix and records every callback with its arguments. */
    static final String ECHO_DRIVER = """
            function OnDriverInit(dit) record("init", dit) end
            function OnDriverLateInit(dit)
              record("lateinit", dit)
              local ok, message = C4:CreateTLSServer(LISTEN_PORT or 0, "\\n", 0, 1, "", Properties["Certificate"],
                Properties["Key"], "", "", "tls-1")
              record("create", ok, message)
            end
            function OnServerStatusChanged(port, status, id)
              LAST_PORT = port
              record("status", type(port), port, status, id)
            end
            function OnServerConnectionStatusChanged(handle, port, status, address, id)
              record("connection", type(handle), handle, port, status, address, id)
            end
            function OnServerDataIn(handle, data, address, port, id)
              if data == "boom\\n" then error("boom on purpose") end
              record("data", handle, #data, (data:gsub("\\n", "\\\\n")), address, type(port), port, id)
              C4:ServerSend(handle, "echo:" .. data)
              if data == "bye\\n" then C4:ServerCloseClient(handle) end
            end
            function OnDriverDestroyed(dit) record("destroyed", dit) end
            """;

    TestCertificates certificates;

    @BeforeEach
    void makeCertificates() throws Exception {
        certificates = TestCertificates.create(Files.createDirectories(temp.resolve("certs")));
    }

    @Test
    void echoDriverReceivesPayloadsAndCallbacksInOrder() throws Exception {
        deploy(echoPackage("echo", "certs/server-cert.pem", "certs/server-key.pem", true));
        assertEquals("init|DIT_ADDING", recorder.next());
        assertEquals("lateinit|DIT_ADDING", recorder.next());
        assertEquals("create|true|nil", recorder.next());
        int port = onlinePort("tls-1");

        String handle;
        try (TlsClient client = TlsClient.tls(port)) {
            String online = recorder.next();
            assertTrue(online.matches("connection\\|number\\|\\d+\\|" + port + "\\|ONLINE\\|127\\.0\\.0\\.1\\|tls-1"), online);
            handle = online.split("\\|")[2];
            byte[] messages = "first\nsecond message\nthird\n".getBytes(StandardCharsets.US_ASCII);
            client.writeInPieces(messages, 3, 1, 7, 2, 5, 11);

            String suffix = "|127.0.0.1|number|" + client.localPort() + "|tls-1";
            assertEquals("data|" + handle + "|6|first\\n" + suffix, recorder.next());
            assertEquals("data|" + handle + "|15|second message\\n" + suffix, recorder.next());
            assertEquals("data|" + handle + "|6|third\\n" + suffix, recorder.next());
            byte[] expected = "echo:first\necho:second message\necho:third\n".getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(expected, client.read(expected.length));
        }
        assertEquals("connection|number|" + handle + "|" + port + "|OFFLINE|127.0.0.1|tls-1", recorder.next());
    }

    @Test
    void twoClientsGetDistinctHandles() throws Exception {
        deploy(echoPackage("handles", "certs/server-cert.pem", "certs/server-key.pem", true));
        skip(3);
        int port = onlinePort("tls-1");

        try (TlsClient first = TlsClient.tls(port)) {
            String firstHandle = recorder.next().split("\\|")[2];
            String secondHandle;
            try (TlsClient second = TlsClient.tls(port)) {
                secondHandle = recorder.next().split("\\|")[2];
                assertNotEquals(firstHandle, secondHandle);

                second.write("two\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(recorder.next().startsWith("data|" + secondHandle + "|4|"));
                assertArrayEquals("echo:two\n".getBytes(StandardCharsets.US_ASCII), second.read(9));
            }
            assertTrue(recorder.next().startsWith("connection|number|" + secondHandle + "|" + port + "|OFFLINE|"));
        }
    }

    @Test
    void binaryPayloadRoundTripsByteExact() throws Exception {
        deploy(echoPackage("binary", "certs/server-cert.pem", "certs/server-key.pem", true));
        skip(3);
        int port = onlinePort("tls-1");

        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(new byte[] {0, 1, 0, (byte) 0x7F});
        for (int b = 0x80; b <= 0xFF; b++) {
            payload.write(b);
        }
        payload.write('\n');
        byte[] sent = payload.toByteArray();

        try (TlsClient client = TlsClient.tls(port)) {
            recorder.next();
            client.writeInPieces(sent, 1, 2, 64, 3);
            assertTrue(recorder.next().matches("data\\|\\d+\\|" + sent.length + "\\|.*"));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write("echo:".getBytes(StandardCharsets.US_ASCII));
            expected.write(sent);
            assertArrayEquals(expected.toByteArray(), client.read(expected.size()));
        }
    }

    @Test
    void serverCloseClientClosesAfterTheReply() throws Exception {
        deploy(echoPackage("closer", "certs/server-cert.pem", "certs/server-key.pem", true));
        skip(3);
        int port = onlinePort("tls-1");

        try (TlsClient client = TlsClient.tls(port)) {
            recorder.next();
            client.write("bye\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("echo:bye\n".getBytes(StandardCharsets.US_ASCII), client.read(9));
            assertEquals(-1, client.readByte());
        }
        recorder.next();
        assertTrue(recorder.next().contains("|OFFLINE|"));
    }

    @Test
    void certificateInSandboxIsFound() throws Exception {
        Path sandboxCerts = Files.createDirectories(data.resolve("driverhost/sandbox/sandboxed/keys"));
        Files.copy(certificates.certificate(), sandboxCerts.resolve("cert.pem"));
        Files.copy(certificates.privateKey(), sandboxCerts.resolve("key.pem"));

        deploy(echoPackage("sandboxed", "keys/cert.pem", "keys/key.pem", false));

        assertEquals("init|DIT_STARTUP", recorder.next(), "the sandbox existed before the first deployment");
        recorder.next();
        assertEquals("create|true|nil", recorder.next());
        int port = onlinePort("tls-1");
        try (TlsClient client = TlsClient.tls(port)) {
            recorder.next();
            client.write("hi\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("echo:hi\n".getBytes(StandardCharsets.US_ASCII), client.read(8));
        }
    }

    @Test
    void luaErrorInDataCallbackKeepsDriverRunning() throws Exception {
        deploy(echoPackage("fragile", "certs/server-cert.pem", "certs/server-key.pem", true));
        skip(3);
        int port = onlinePort("tls-1");

        try (TlsClient client = TlsClient.tls(port)) {
            recorder.next();
            client.write("boom\nafter\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(recorder.next().matches("data\\|\\d+\\|6\\|after\\\\n\\|.*"));
            assertArrayEquals("echo:after\n".getBytes(StandardCharsets.US_ASCII), client.read(11));
        }
        DriverInfo info = manager.driver("fragile").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
        assertTrue(info.lastError().contains("boom on purpose"), info.lastError());
        assertTrue(info.lastError().contains("OnServerDataIn"), info.lastError());
    }

    @Test
    void undeployCallsDestroyedAndClosesPort() throws Exception {
        Path c4z = echoPackage("leaving", "certs/server-cert.pem", "certs/server-key.pem", true);
        deploy(c4z);
        skip(3);
        int port = onlinePort("tls-1");

        try (TlsClient client = TlsClient.tls(port)) {
            recorder.next();
            manager.uninstall(c4z);
            assertEquals("destroyed|DIT_LOADED", recorder.next());
            String offline = recorder.next();
            assertTrue(offline.matches("connection\\|number\\|\\d+\\|" + port + "\\|OFFLINE\\|.*"), offline);
            assertEquals("status|number|" + port + "|OFFLINE|tls-1", recorder.next());
            assertEquals(-1, client.readByte());
        }
        assertPortClosed(port);
        assertTrue(manager.driver("leaving").isEmpty());
        assertTrue(Files.isDirectory(data.resolve("driverhost/sandbox/leaving")), "the sandbox stays");
        assertTrue(Files.notExists(data.resolve("driverhost/packages/leaving")), "the package folder goes");
    }

    @Test
    void updateReinitializesInSameLuaState() throws Exception {
        Path c4z = echoPackage("updating", "certs/server-cert.pem", "certs/server-key.pem", true);
        deploy(c4z);
        skip(3);
        int port = onlinePort("tls-1");

        String version2 = """
                UPDATES = (UPDATES or 0) + 1
                record("chunk", "v2", UPDATES, LAST_PORT)
                function OnDriverInit(dit) record("init", dit) end
                function OnDriverLateInit(dit)
                  record("lateinit", dit)
                  LISTEN_PORT = LAST_PORT
                  record("create", C4:CreateTLSServer(LISTEN_PORT, "\\n", 0, 1, "", Properties["Certificate"],
                    Properties["Key"], "", "", "tls-2"))
                end
                """;
        C4zFiles.driver("Echo", "2", ECHO_DRIVER.replace("function OnDriverInit(dit) record(\"init\", dit) end",
                        "") + version2)
                .text("driver.xml", echoXml("2", "certs/server-cert.pem", "certs/server-key.pem"))
                .file("certs/server-cert.pem", certificates.certificate())
                .file("certs/server-key.pem", certificates.privateKey())
                .writeTo(c4z);
        update(c4z);

        assertEquals("destroyed|DIT_UPDATING", recorder.next());
        assertEquals("status|number|" + port + "|OFFLINE|tls-1", recorder.next());
        assertEquals("chunk|v2|1|" + port, recorder.next(), "LAST_PORT survived the update");
        assertEquals("init|DIT_UPDATING", recorder.next());
        assertEquals("lateinit|DIT_UPDATING", recorder.next());
        assertEquals("create|true", recorder.next(), "the old server's port is free again");
        assertEquals("status|number|" + port + "|ONLINE|tls-2", recorder.next());
        assertEquals("2", manager.driver("updating").orElseThrow().driverVersion());
    }

    @Test
    void badArgumentsReturnFalseAndMessage() throws Exception {
        String lua = """
                local function try(...) record("result", C4:CreateTLSServer(...)) end
                function OnDriverLateInit()
                  try("abc", "\\n", 0, 1, "", "c.pem", "k.pem", "", "")
                  try(70000, "\\n", 0, 1, "", "c.pem", "k.pem", "", "")
                  try(0, "\\n", 0, 1, "", nil, nil, nil, nil)
                  try(0, "\\n", {}, 1, "", "c.pem", "k.pem", "", "")
                  try(8443.5)
                  try(nil, "\\n", 0, 1, "", "c.pem", "k.pem", "", "")
                  record("dot", C4.CreateTLSServer(8443, "\\n"))
                  record("plain", C4:CreateServer(" 0 ", "\\n", false, "plain-1"))
                  record("udp", C4:CreateServer(-1, "\\n", true))
                end
                function OnServerStatusChanged(port, status, id) record("status", type(port), port, status, id) end
                function OnServerDataIn(handle, data) C4:ServerSend(handle, "echo:" .. data, #data) end
                """;
        deploy(C4zFiles.driver("Args", "1", lua).writeTo(deploy.resolve("args.c4z")));

        assertEquals("result|false|invalid port \"abc\": expected a number from 0 to 65535", recorder.next());
        assertEquals("result|false|invalid port 70000: expected a number from 0 to 65535", recorder.next());
        assertTrue(recorder.next().startsWith("result|false|missing certificate"));
        assertEquals("result|false|invalid options (a table): expected a number from 0 to 0xFFFFFFFF", recorder.next());
        assertEquals("result|false|invalid port 8443.5: expected a number from 0 to 65535", recorder.next());
        assertEquals("result|false|invalid port (nil): expected a number from 0 to 65535 (0 picks a free port)",
                recorder.next());
        assertEquals("dot|false|C4:CreateTLSServer was called with a dot: call it with a colon, "
                + "C4:CreateTLSServer(port, ...), so that C4 itself is the first argument", recorder.next());
        assertEquals("plain|true", recorder.next());
        assertEquals("udp|false|invalid port -1: expected a number from 0 to 65535", recorder.next());
        int port = onlinePort("plain-1");

        try (TlsClient client = TlsClient.plain(port)) {
            client.write("still here\n".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("echo:still here\n".getBytes(StandardCharsets.US_ASCII), client.read(16));
        }
        assertEquals(DriverState.RUNNING, manager.driver("args").orElseThrow().state());
    }

    @Test
    void destroyServerFreesPortForImmediateReuse() throws Exception {
        String lua = """
                function OnDriverLateInit() record("create", C4:CreateServer(0, "", false, "first")) end
                function OnServerStatusChanged(port, status, id)
                  record("status", type(port), port, status, id)
                  if id == "first" and status == "ONLINE" then
                    record("destroy", C4:DestroyServer(port))
                    record("again", C4:CreateServer(port, "", false, "second"))
                    record("unknown", C4:DestroyServer(1))
                    record("send", C4:ServerSend(424242, "x"))
                    record("logs", C4:ErrorLog("error from the driver"), C4:DebugLog("debug from the driver"))
                  elseif id == "second" and status == "ONLINE" then
                    record("destroy all", C4:DestroyServer())
                  end
                end
                """;
        deploy(C4zFiles.driver("Reuse", "1", lua).writeTo(deploy.resolve("reuse.c4z")));

        assertEquals("create|true", recorder.next());
        int port = onlinePort("first");
        assertEquals("destroy|true", recorder.next());
        assertEquals("again|true", recorder.next(), "DestroyServer returned once the port was free");
        assertEquals("unknown|false|invalid port 1: this driver has no server on it", recorder.next());
        assertEquals("send|false|invalid handle 424242: the connection is closed or unknown", recorder.next());
        assertEquals("logs|nil", recorder.next(), "ErrorLog and DebugLog return nothing");
        assertEquals("status|number|" + port + "|OFFLINE|first", recorder.next());
        assertEquals("status|number|" + port + "|ONLINE|second", recorder.next());
        assertEquals("destroy all|true", recorder.next());
        assertEquals("status|number|" + port + "|OFFLINE|second", recorder.next());
        assertPortClosed(port);
    }

    private void skip(int events) throws InterruptedException {
        for (int i = 0; i < events; i++) {
            recorder.next();
        }
    }

    private Path echoPackage(String instance, String certificate, String key, boolean includeCertificates)
            throws Exception {
        C4zFiles files = C4zFiles.driver("Echo", "1", ECHO_DRIVER)
                .text("driver.xml", echoXml("1", certificate, key));
        if (includeCertificates) {
            files.file(certificate, certificates.certificate()).file(key, certificates.privateKey());
        }
        return files.writeTo(deploy.resolve(instance + ".c4z"));
    }

    private static String echoXml(String version, String certificate, String key) {
        return C4zFiles.driverXml("Echo", version,
                C4zFiles.property("Certificate", certificate) + C4zFiles.property("Key", key));
    }
}
