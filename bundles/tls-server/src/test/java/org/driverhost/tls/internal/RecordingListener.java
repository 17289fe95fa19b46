package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.driverhost.tls.ConnectionInfo;
import org.driverhost.tls.ServerListener;

/** Records a server's events in arrival order; tests wait on them with bounded timeouts. */
final class RecordingListener implements ServerListener {

    static final long WAIT_SECONDS = 20;

    /** One listener call; {@code data} is set for {@link Kind#DATA} only. */
    record Event(Kind kind, long handle, byte[] data) {

        String dataHex() {
            return HexFormat.of().formatHex(data);
        }

        @Override
        public String toString() {
            return kind + " " + handle + (data == null ? "" : " " + dataHex());
        }
    }

    enum Kind { SERVER_ONLINE, SERVER_OFFLINE, ONLINE, DATA, OFFLINE }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile Consumer<ConnectionInfo> onConnectionOnline = connection -> { };

    /** Sets what to do when a connection comes online, for example send a greeting. */
    void onConnectionOnline(Consumer<ConnectionInfo> action) {
        this.onConnectionOnline = action;
    }

    @Override
    public void serverOnline(int port) {
        events.add(new Event(Kind.SERVER_ONLINE, port, null));
    }

    @Override
    public void serverOffline(int port) {
        events.add(new Event(Kind.SERVER_OFFLINE, port, null));
    }

    @Override
    public void connectionOnline(ConnectionInfo connection) {
        events.add(new Event(Kind.ONLINE, connection.handle(), null));
        onConnectionOnline.accept(connection);
    }

    @Override
    public void connectionOffline(ConnectionInfo connection) {
        events.add(new Event(Kind.OFFLINE, connection.handle(), null));
    }

    @Override
    public void dataReceived(ConnectionInfo connection, byte[] data) {
        events.add(new Event(Kind.DATA, connection.handle(), data));
    }

    /** Returns the next event, failing the test when none arrives in time. */
    Event next() throws InterruptedException {
        Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no server event within " + WAIT_SECONDS + " s");
        return event;
    }

    /** Returns the events of the next connection, from its online event to its offline event. */
    List<Event> nextConnection() throws InterruptedException {
        List<Event> connection = new ArrayList<>();
        Event event = next();
        while (event.kind() == Kind.SERVER_ONLINE) {
            event = next();
        }
        connection.add(event);
        while (event.kind() != Kind.OFFLINE) {
            event = next();
            connection.add(event);
        }
        return connection;
    }

    /** Returns and removes every event recorded so far. */
    List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }
}
