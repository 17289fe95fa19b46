package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Deploying, updating and removing a driver in the running Karaf, and faults inside its callbacks. The test
 * driver records its lifecycle callbacks in {@code events.log} of its sandbox, which outlives the driver, and
 * answers {@code STATE} with its version, the number of times its chunk ran and a marker kept in a global.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DriverLifecycleOSGiTest extends DriverHostTestSupport {


    @Test
    public void updateKeepsStateAndRemovalCloses() throws Exception {
        String instance = "lifecycle-update";
        deploy(testDriver("lifecycle"), instance);
        int port = awaitServer(instance).port();

        try (TlsTestClient client = TlsTestClient.connect(port, "TLSv1.3")) {
            client.send("STATE\n");
            assertEquals("STATE v1 1 none", client.readLine());
            client.send("MARK kept\n");
            assertEquals("MARKED", client.readLine());

            Path v2 = DriverRepacker.repack(testDriver("lifecycle"), Files.createTempFile("lifecycle-v2-", ".c4z"),
                    Map.of("driver.lua", DriverRepacker.replace("local VERSION = \"v1\"", "local VERSION = \"v2\"")));
            deploy(v2, instance);
            assertTrue("the update closes the old version's connections", client.closedByServer());
        }

        try (TlsTestClient client = connectToVersion(instance, port, "v2")) {
            client.send("STATE\n");
            assertEquals("the global marker survived and the chunk ran a second time", "STATE v2 2 kept", client.readLine());
            assertEquals("the new version took the same port", port, awaitServer(instance).port());
            assertEquals(List.of(
                    "v1 OnDriverInit DIT_ADDING",
                    "v1 OnDriverLateInit DIT_ADDING",
                    "v1 OnServerStatusChanged ONLINE",
                    "v1 OnServerConnectionStatusChanged ONLINE",
                    "v1 OnDriverDestroyed DIT_UPDATING",
                    "v1 OnServerConnectionStatusChanged OFFLINE",
                    "v1 OnServerStatusChanged OFFLINE",
                    "v2 OnDriverInit DIT_UPDATING",
                    "v2 OnDriverLateInit DIT_UPDATING",
                    "v2 OnServerStatusChanged ONLINE"),
                    withoutProbes(events(instance)));

            Files.delete(deployFolder().resolve(instance + ".c4z"));
            assertTrue("removing the driver closes its connections", client.closedByServer());
        }

        awaitNoServer(instance);
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close());
        List<String> events = awaitEvent(instance, "v2 OnServerStatusChanged OFFLINE");
        assertEquals(List.of(
                "v2 OnServerConnectionStatusChanged ONLINE",
                "v2 OnDriverDestroyed DIT_LOADED",
                "v2 OnServerConnectionStatusChanged OFFLINE",
                "v2 OnServerStatusChanged OFFLINE"),
                events.subList(events.size() - 4, events.size()));
    }

    @Test
    public void runawayLoopIsStoppedAndDriverServes() throws Exception {
        String instance = "lifecycle-loop";
        deploy(testDriver("lifecycle"), instance);
        int port = awaitServer(instance).port();

        try (TlsTestClient client = TlsTestClient.connect(port, "TLSv1.3")) {
            client.send("LOOP\n");
            LogLine error = awaitLog(instance, "Lua instructions");
            assertEquals("ERROR", error.level());
            assertTrue(error.message(), error.message().contains("OnServerDataIn"));

            client.send("after the loop\n");
            assertEquals("after the loop", client.readLine());
        }
        try (TlsTestClient other = TlsTestClient.connect(port, "TLSv1.2")) {
            other.send("STATE\n");
            assertEquals("STATE v1 1 none", other.readLine());
        }
    }

    @Test
    public void luaErrorIsLoggedAndDriverServes() throws Exception {
        String instance = "lifecycle-error";
        deploy(testDriver("lifecycle"), instance);
        int port = awaitServer(instance).port();

        try (TlsTestClient client = TlsTestClient.connect(port, "TLSv1.3")) {
            client.send("FAIL\n");
            LogLine error = awaitLog(instance, "deliberate failure in OnServerDataIn");
            assertEquals("ERROR", error.level());
            assertTrue("the log names the callback: " + error.message(), error.message().startsWith("error in OnServerDataIn"));

            client.send("after the error\n");
            assertEquals("after the error", client.readLine());
            client.send("STATE\n");
            assertEquals("STATE v1 1 none", client.readLine());
        }
    }

    /** Connects until the server on {@code port} replies to STATE as {@code version}: during an update the port is briefly closed. */
    private TlsTestClient connectToVersion(String instance, int port, String version) throws Exception {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (true) {
            TlsTestClient client = null;
            try {
                client = TlsTestClient.connect(port, "TLSv1.3");
                client.send("STATE\n");
                if (client.readLine().startsWith("STATE " + version + " ")) {
                    return client;
                }
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    // No cause: Pax Exam reports only the innermost exception, which would hide this message.
                    throw new AssertionError("no server of version " + version + " on port " + port + "; servers: "
                            + servers().stream().map(server -> server.owner() + ":" + server.port()).toList() + "; log of " + instance + ": " + recentLog(instance) + "; events: " + events(instance) + "; last error: " + e);
                }
            }
            if (client != null) {
                client.close();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static Path eventsFile(String instance) {
        return Path.of(System.getProperty("karaf.data"), "driverhost", "sandbox", instance, "events.log");
    }

    private static List<String> events(String instance) throws IOException {
        return Files.readAllLines(eventsFile(instance));
    }

    /** Drops the connections that {@link #connectToVersion} made while it waited; each leaves an ONLINE and an OFFLINE. */
    private static List<String> withoutProbes(List<String> events) {
        return events.stream().filter(line -> !line.startsWith("v2 OnServerConnectionStatusChanged")).toList();
    }

    private static List<String> awaitEvent(String instance, String event) throws Exception {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<String> events = events(instance);
            if (events.contains(event)) {
                return events;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("driver " + instance + " never recorded " + event + ": " + events(instance));
    }

    private LogLine awaitLog(String instance, String fragment) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (LogLine entry : recentLog(instance)) {
                if (entry.message().contains(fragment)) {
                    return entry;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no log line of " + instance + " contains " + fragment + ": " + recentLog(instance));
    }
}
