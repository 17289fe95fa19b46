package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The sample drivers of {@code examples/drivers} in the running assembly: the TLS chat with two JDK
 * {@code SSLSocket} clients, the HTTPS webhook with the real {@code curl} and a raw TLS client. Each driver is
 * repacked with an ephemeral port, and the webhook with a known token, before it is deployed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExampleDriversOSGiTest extends DriverHostTestSupport {

    private static final String TOKEN = "webhook-test-token-7d2e";
    private static final int MAX_BODY_BYTES = 4096;
    private static final Pattern WELCOME = Pattern.compile("\\* welcome, you are (guest\\d+); commands: /nick NAME, /who, /quit");

    private static int chatPort;
    private static int webhookPort;


    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(systemProperty("driverhost.exampleDrivers").value(System.getProperty("driverhost.exampleDrivers")));
        return options.toArray(new Option[0]);
    }

    @Test
    public void chatBroadcastsBetweenTwoClients() throws Exception {
        int port = chatPort();
        try (TlsTestClient alice = TlsTestClient.connect(port, "TLSv1.3")) {
            assertTrue(WELCOME.matcher(alice.readLine()).matches());
            alice.send("/nick alice\n");
            assertEquals("* you are now alice", alice.readLine());

            try (TlsTestClient bob = TlsTestClient.connect(port, "TLSv1.2")) {
                Matcher welcome = WELCOME.matcher(bob.readLine());
                assertTrue(welcome.matches());
                String guest = welcome.group(1);
                assertEquals("* " + guest + " joined", alice.readLine());

                bob.send("/nick ALICE\n");
                assertEquals("nicknames are unique ignoring case", "* nickname ALICE is taken", bob.readLine());
                bob.send("/nick bob\n");
                assertEquals("* you are now bob", bob.readLine());
                assertEquals("* " + guest + " is now bob", alice.readLine());

                bob.send("hello alice\r\n");
                assertEquals("<bob> hello alice", alice.readLine());
                alice.send("hi bob\n");
                assertEquals("<alice> hi bob", bob.readLine());

                // The sender gets no copy of its own message, so the next line bob reads is the reply to /who.
                bob.send("/who\n");
                assertEquals("* online: alice, bob", bob.readLine());
                bob.send("/shout\n");
                assertEquals("* unknown command /shout; commands: /nick NAME, /who, /quit", bob.readLine());

                bob.send("/quit\n");
                assertEquals("* bye", bob.readLine());
                assertTrue("/quit closes the connection", bob.closedByServer());
            }
            assertEquals("* bob left", alice.readLine());
        }
    }

    @Test
    public void chatDropsOverlongLine() throws Exception {
        try (TlsTestClient client = TlsTestClient.connect(chatPort(), "TLSv1.3")) {
            Matcher welcome = WELCOME.matcher(client.readLine());
            assertTrue(welcome.matches());

            client.send("x".repeat(513) + "\n");
            assertEquals("* line longer than 512 bytes dropped", client.readLine());
            client.send("x".repeat(512) + "\n");
            client.send("/who\n");
            assertEquals("a line of exactly the limit is accepted and broadcast, not answered",
                    "* online: " + welcome.group(1), client.readLine());
        }
    }

    @Test
    public void chatClosesIdleClient() throws Exception {
        Path c4z = DriverRepacker.repack(exampleDriver("tls-chat"), Files.createTempFile("chat-idle-", ".c4z"),
                Map.of("driver.xml", chain(DriverRepacker.propertyDefault("Port", "0"),
                        DriverRepacker.propertyDefault("Idle Timeout Seconds", "1"))));
        deploy(c4z, "chat-idle");
        int port = awaitServer("chat-idle").port();

        try (TlsTestClient client = TlsTestClient.connect(port, "TLSv1.3")) {
            assertTrue(WELCOME.matcher(client.readLine()).matches());
            assertEquals("* idle for 1 s, closing", client.readLine());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    public void webhookAcceptsEventWithToken() throws Exception {
        CurlClient.Run run = CurlClient.run(List.of(
                "-H", "X-Webhook-Token: " + TOKEN, "-H", "Content-Type: application/json",
                "--data", "{\"event\":\"doorbell\",\"room\":\"hall\"}", webhookUrl("/hook")));

        assertEquals(run.output(), 0, run.exitCode());
        assertEquals(run.output(), 1, run.transfers().size());
        CurlClient.Transfer transfer = run.transfers().get(0);
        assertEquals(run.output(), 200, transfer.status());
        assertTrue(transfer.body(), transfer.body().matches(
                "\\{\"event\":\"doorbell\",\"eventNumber\":\\d+,\"ok\":true,\"requestOnConnection\":1}"));
        awaitLogLine("webhook-test", "'doorbell' from 127.0.0.1");
    }

    @Test
    public void webhookKeepsConnectionAlive() throws Exception {
        CurlClient.Run run = CurlClient.run(List.of(
                "-H", "X-Webhook-Token: " + TOKEN, "--data", "{\"event\":\"first\"}", webhookUrl("/hook"),
                "--next",
                "-H", "X-Webhook-Token: " + TOKEN, "--data", "{\"type\":\"second\"}", webhookUrl("/hook")));

        assertEquals(run.output(), 0, run.exitCode());
        assertEquals(run.output(), 2, run.transfers().size());
        CurlClient.Transfer first = run.transfers().get(0);
        CurlClient.Transfer second = run.transfers().get(1);
        assertEquals(run.output(), 200, first.status());
        assertEquals(run.output(), 200, second.status());
        assertTrue(first.body(), first.body().contains("\"event\":\"first\""));
        assertTrue(first.body(), first.body().contains("\"requestOnConnection\":1"));
        assertTrue(second.body(), second.body().contains("\"event\":\"second\""));
        assertTrue("the driver counted both requests on one connection: " + second.body(),
                second.body().contains("\"requestOnConnection\":2"));
        assertEquals("curl reused its connection: " + run.output(), 0, second.newConnections());
    }

    @Test
    public void webhookAcceptsHmacSignature() throws Exception {
        String body = "{\"event\":\"signed\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

        CurlClient.Run run = CurlClient.run(List.of(
                "-H", "X-Webhook-Signature: sha256=" + signature, "--data", body, webhookUrl("/hook"),
                "--next",
                "-H", "X-Webhook-Signature: sha256=" + signature, "--data", body + " ", webhookUrl("/hook")));

        assertEquals(run.output(), 2, run.transfers().size());
        assertEquals(run.output(), 200, run.transfers().get(0).status());
        assertTrue(run.output(), run.transfers().get(0).body().contains("\"event\":\"signed\""));
        assertEquals("a signature of another body is rejected: " + run.output(), 401, run.transfers().get(1).status());
    }

    @Test
    public void webhookRejectsBadRequests() throws Exception {
        CurlClient.Run run = CurlClient.run(List.of(
                "-H", "X-Webhook-Token: wrong-token", "--data", "{\"event\":\"x\"}", webhookUrl("/hook"),
                "--next",
                "--data", "{\"event\":\"x\"}", webhookUrl("/hook"),
                "--next",
                "-H", "X-Webhook-Token: " + TOKEN, "--data", "{\"event\":\"x\"}", webhookUrl("/other"),
                "--next",
                "-H", "X-Webhook-Token: " + TOKEN, webhookUrl("/hook"),
                "--next",
                "-H", "X-Webhook-Token: " + TOKEN, "--data", "not json", webhookUrl("/hook")));

        assertEquals(run.output(), 5, run.transfers().size());
        String unauthorized = "{\"error\":\"missing or wrong X-Webhook-Token or X-Webhook-Signature\"}";
        assertEquals(run.output(), 401, run.transfers().get(0).status());
        assertEquals(unauthorized, run.transfers().get(0).body());
        assertEquals(run.output(), 401, run.transfers().get(1).status());
        assertEquals(unauthorized, run.transfers().get(1).body());
        assertEquals(run.output(), 404, run.transfers().get(2).status());
        assertEquals("{\"error\":\"no webhook at /other\"}", run.transfers().get(2).body());
        assertEquals(run.output(), 405, run.transfers().get(3).status());
        assertEquals("{\"error\":\"method GET not allowed; use POST\"}", run.transfers().get(3).body());
        assertEquals(run.output(), 400, run.transfers().get(4).status());
        assertTrue(run.transfers().get(4).body(), run.transfers().get(4).body().startsWith("{\"error\":\"body is not a JSON object"));
        assertEquals("every error answer kept the connection open: " + run.output(), 0, run.transfers().get(4).newConnections());
    }

    @Test
    public void webhookRejectsTooLargeBody() throws Exception {
        Path body = Files.createTempFile("webhook-body-", ".json");
        Files.writeString(body, "{\"event\":\"big\",\"padding\":\"" + "p".repeat(MAX_BODY_BYTES) + "\"}");

        CurlClient.Run run = CurlClient.run(List.of(
                "-H", "X-Webhook-Token: " + TOKEN, "--data-binary", "@" + body, webhookUrl("/hook")));

        assertEquals(run.output(), 1, run.transfers().size());
        assertEquals(run.output(), 413, run.transfers().get(0).status());
        assertTrue(run.output(), run.transfers().get(0).body().contains("larger than " + MAX_BODY_BYTES + " bytes"));
    }

    @Test
    public void webhookParsesSplitAndPipelinedRequests() throws Exception {
        String body = "{\"event\":\"raw\"}";
        String request = "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Webhook-Token: " + TOKEN
                + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        String closing = request.replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nConnection: close\r\n");

        try (TlsTestClient client = TlsTestClient.connect(webhookPort(), "TLSv1.3")) {
            // One request in three writes, cut inside the request line, a header and the body.
            client.send(request.substring(0, 7));
            client.send(request.substring(7, 40));
            client.send(request.substring(40, request.length() - 3));
            client.send(request.substring(request.length() - 3));
            HttpResponse split = HttpResponse.read(client);
            assertEquals(200, split.status());
            assertEquals("keep-alive", split.headers().get("connection"));
            assertTrue(split.body(), split.body().contains("\"requestOnConnection\":1"));

            // Two requests in one write; the second requests that the connection close.
            client.send(request + closing);
            HttpResponse second = HttpResponse.read(client);
            HttpResponse third = HttpResponse.read(client);
            assertTrue(second.body(), second.body().contains("\"requestOnConnection\":2"));
            assertEquals("keep-alive", second.headers().get("connection"));
            assertEquals(200, third.status());
            assertTrue(third.body(), third.body().contains("\"requestOnConnection\":3"));
            assertEquals("close", third.headers().get("connection"));
            assertEquals("application/json", third.headers().get("content-type"));
            assertTrue("Connection: close ends the connection", client.closedByServer());
        }
    }

    @Test
    public void webhookClosesOnMalformedRequest() throws Exception {
        try (TlsTestClient client = TlsTestClient.connect(webhookPort(), "TLSv1.2")) {
            client.send("HELLO\r\n\r\n");
            HttpResponse response = HttpResponse.read(client);
            assertEquals(400, response.status());
            assertEquals("{\"error\":\"invalid request line\"}", response.body());
            assertEquals("close", response.headers().get("connection"));
            assertTrue(client.closedByServer());
        }
    }

    private int chatPort() throws Exception {
        if (chatPort == 0) {
            Path c4z = DriverRepacker.repack(exampleDriver("tls-chat"), Files.createTempFile("chat-", ".c4z"),
                    Map.of("driver.xml", DriverRepacker.propertyDefault("Port", "0")));
            deploy(c4z, "chat-test");
            chatPort = awaitServer("chat-test").port();
        }
        return chatPort;
    }

    private int webhookPort() throws Exception {
        if (webhookPort == 0) {
            Path c4z = DriverRepacker.repack(exampleDriver("https-webhook"), Files.createTempFile("webhook-", ".c4z"),
                    Map.of("driver.xml", chain(DriverRepacker.propertyDefault("Port", "0"),
                            DriverRepacker.propertyDefault("Token", TOKEN),
                            DriverRepacker.propertyDefault("Max Body Bytes", Integer.toString(MAX_BODY_BYTES)))));
            deploy(c4z, "webhook-test");
            webhookPort = awaitServer("webhook-test").port();
        }
        return webhookPort;
    }

    private String webhookUrl(String path) throws Exception {
        return "https://127.0.0.1:" + webhookPort() + path;
    }

    private static Path exampleDriver(String name) {
        return Path.of(System.getProperty("driverhost.exampleDrivers")).resolve(name + ".c4z");
    }

    @SafeVarargs
    private static UnaryOperator<String> chain(UnaryOperator<String>... edits) {
        return text -> {
            String result = text;
            for (UnaryOperator<String> edit : edits) {
                result = edit.apply(result);
            }
            return result;
        };
    }

    private void awaitLogLine(String instance, String fragment) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (LogLine entry : recentLog(instance)) {
                if (entry.message().contains(fragment)) {
                    return;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no log line of " + instance + " contains " + fragment + ": " + recentLog(instance));
    }

    /** A response read from a raw TLS client: status, lower-case header names, body of Content-Length bytes. */
    private record HttpResponse(int status, Map<String, String> headers, String body) {

        static HttpResponse read(TlsTestClient client) throws IOException {
            String statusLine = client.readLine();
            assertTrue(statusLine, statusLine.startsWith("HTTP/1.1 "));
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = client.readLine(); !line.equals("\r"); line = client.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.get("content-length"));
            return new HttpResponse(status, headers, new String(client.readBytes(length), StandardCharsets.UTF_8));
        }
    }
}
