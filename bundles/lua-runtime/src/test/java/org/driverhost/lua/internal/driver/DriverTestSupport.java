package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.driverhost.tls.internal.NettyServerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs drivers on the real server socket service and a real {@link DriverManager}, with data in a temp folder. */
abstract class DriverTestSupport {

    static final long INSTRUCTION_BUDGET = 5_000_000;

    @TempDir
    Path temp;

    Path data;
    Path deploy;
    NettyServerService servers;
    LuaRecorder recorder;
    DriverManager manager;

    @BeforeEach
    void startRuntime() throws IOException {
        data = Files.createDirectories(temp.resolve("data"));
        deploy = Files.createDirectories(temp.resolve("deploy"));
        servers = new NettyServerService(new TestServerSettings());
        recorder = new LuaRecorder();
        manager = newManager();
    }

    @AfterEach
    void stopRuntime() throws Exception {
        manager.deactivate();
        // The service's deactivate method is package-private, as DS calls it; tests call it the same way.
        Method deactivate = NettyServerService.class.getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(servers);
    }

    DriverManager newManager() {
        return new DriverManager(servers, data, INSTRUCTION_BUDGET, recorder);
    }

    /** Deploys the package and waits until its init callbacks have run. */
    void deploy(Path c4z) throws Exception {
        manager.install(c4z).get(30, TimeUnit.SECONDS);
    }

    /** Updates the package and waits until the new version's init callbacks have run. */
    void update(Path c4z) throws Exception {
        manager.update(c4z).get(30, TimeUnit.SECONDS);
    }

    /**
     * Asserts that nothing listens on the loopback port any more. NOTE: the service reports a server offline
     * before Java NIO has released its socket (that happens at the event loop's next select), so this polls
     * for up to two seconds instead of trying once.
     */
    static void assertPortClosed(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                if (System.nanoTime() > deadline) {
                    fail("port " + port + " still accepts connections");
                }
            } catch (ConnectException expected) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** Takes the next event, which must be a server status event, and returns its port. */
    int onlinePort(String identifier) throws InterruptedException {
        String event = recorder.next();
        String[] fields = event.split("\\|");
        org.junit.jupiter.api.Assertions.assertEquals("status", fields[0], "expected a status event, got " + event);
        org.junit.jupiter.api.Assertions.assertEquals("ONLINE", fields[3], event);
        org.junit.jupiter.api.Assertions.assertEquals(identifier, fields[4], event);
        return Integer.parseInt(fields[2]);
    }
}
