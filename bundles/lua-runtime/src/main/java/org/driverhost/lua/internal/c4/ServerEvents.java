package org.driverhost.lua.internal.c4;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.driverhost.tls.ConnectionInfo;
import org.driverhost.tls.ServerListener;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Turns the events of one server into calls of the driver's Lua callbacks. Events arrive on network threads
 * and are queued straight onto the driver's thread, so the callbacks of one driver never overlap.
 */
final class ServerEvents implements ServerListener {

    private static final LuaValue ONLINE = LuaValue.valueOf("ONLINE");
    private static final LuaValue OFFLINE = LuaValue.valueOf("OFFLINE");

    private final DriverContext driver;
    private final LuaValue identifier;
    private final InboundBacklog backlog;
    private final CountDownLatch offline = new CountDownLatch(1);
    private volatile Runnable whenOffline = () -> { };
    private volatile int port;

    /**
     * @param identifier the driver's identifier argument, passed back to every callback unchanged (nil when none)
     * @param backlog the driver's count of queued bytes, shared by all of its servers
     */
    ServerEvents(DriverContext driver, LuaValue identifier, InboundBacklog backlog) {
        this.driver = driver;
        this.identifier = identifier;
        this.backlog = backlog;
    }

    void whenOffline(Runnable action) {
        this.whenOffline = action;
    }

    /** Returns the port the server was bound to, once it has reported itself online. */
    int port() {
        return port;
    }

    boolean isOffline() {
        return offline.getCount() == 0;
    }

    /** Waits until the server has reported itself offline; returns false on timeout. */
    boolean awaitOffline(long timeoutMillis) throws InterruptedException {
        return offline.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void serverOnline(int port) {
        this.port = port;
        // Called inside ServerService.start on the driver's thread: queuing makes the callback run after
        // C4:CreateServer or C4:CreateTLSServer has returned, as on a controller.
        driver.post(() -> driver.callGlobal("OnServerStatusChanged", LuaValue.valueOf(port), ONLINE, identifier));
    }

    @Override
    public void serverOffline(int port) {
        driver.post(() -> driver.callGlobal("OnServerStatusChanged", LuaValue.valueOf(port), OFFLINE, identifier));
        // Count down only after queuing, so that a waiting thread queues its own work behind this event.
        whenOffline.run();
        offline.countDown();
    }

    @Override
    public void connectionOnline(ConnectionInfo connection) {
        driver.post(() -> connectionStatus(connection, ONLINE));
    }

    @Override
    public void connectionOffline(ConnectionInfo connection) {
        driver.post(() -> connectionStatus(connection, OFFLINE));
    }

    @Override
    public void dataReceived(ConnectionInfo connection, byte[] data) {
        LuaString payload = LuaString.valueOf(data);
        backlog.queued(connection.handle(), data.length);
        driver.post(() -> {
            try {
                driver.callGlobal("OnServerDataIn", handleOf(connection), payload,
                        LuaValue.valueOf(connection.remoteAddress()), LuaValue.valueOf(connection.remotePort()),
                        identifier);
            } finally {
                backlog.delivered(data.length);
            }
        });
    }

    private void connectionStatus(ConnectionInfo connection, LuaValue status) {
        driver.callGlobal("OnServerConnectionStatusChanged", handleOf(connection),
                LuaValue.valueOf(connection.serverPort()), status, LuaValue.valueOf(connection.remoteAddress()),
                identifier);
    }

    private static LuaValue handleOf(ConnectionInfo connection) {
        return LuaValue.valueOf((double) connection.handle());
    }
}
