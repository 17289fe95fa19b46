package org.driverhost.tls.internal;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound server and its open connections. When destroyed, it reports itself offline only after the last
 * of its connections has been reported offline and its port can be bound again.
 */
final class RunningServer implements ServerHandle {

    /**
     * Delay between closing the listening channel and reporting the port free. Java NIO releases the socket
     * of a channel registered with a selector only at that selector's next select, so a driver that binds
     * the same port right after the offline event would otherwise fail with "address already in use".
     */
    private static final long PORT_RELEASE_DELAY_MILLIS = 20;
    private static final long REJECT_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final AtomicLong rejectedSinceLog = new AtomicLong();
    /** Start far enough in the past that the first rejection is logged at once. */
    private final AtomicLong lastRejectLogNanos = new AtomicLong(System.nanoTime() - REJECT_LOG_INTERVAL_NANOS);

    private volatile ServerSpec spec;
    private volatile SslContext sslContext;
    private final ServerListener listener;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile Channel serverChannel;
    private volatile int port;
    private volatile boolean portReleased;
    private final long closeTimeoutMillis;
    private boolean stopping;
    private boolean offlineReported;
    private Consumer<RunningServer> onOffline = server -> { };

    RunningServer(ServerSpec spec, SslContext sslContext, ServerListener listener, long closeTimeoutMillis) {
        this.spec = spec;
        this.sslContext = sslContext;
        this.listener = listener;
        this.closeTimeoutMillis = closeTimeoutMillis;
    }

    void bound(Channel channel, int boundPort, Consumer<RunningServer> whenOffline) {
        this.serverChannel = channel;
        this.port = boundPort;
        this.onOffline = whenOffline;
        channel.closeFuture().addListener(future -> releasePortLater(channel));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ServerSpec spec() {
        return spec;
    }

    /** Returns the listening channel: the server socket for TCP, the datagram socket for UDP. */
    Channel channel() {
        return serverChannel;
    }

    /** Returns the TLS context for new connections, or null for a plain TCP server. */
    SslContext sslContext() {
        return sslContext;
    }

    /** Makes new connections use another spec's TLS context; established connections keep theirs. */
    void replaceTls(ServerSpec changed, SslContext context) {
        this.sslContext = context;
        this.spec = changed;
    }

    ServerListener listener() {
        return listener;
    }

    void connectionOpened(Channel channel) {
        connections.add(channel);
    }

    int connectionCount() {
        return connections.size();
    }

    /**
     * Closes a connection that would exceed the server's limit. The warning is logged at most once per
     * {@link #REJECT_LOG_INTERVAL_NANOS}, with the number rejected since the last one, so a flood of clients
     * cannot flood the log.
     */
    void rejectOverLimit(Channel channel, int limit) {
        channel.close();
        long rejected = rejectedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRejectLogNanos.get();
        if (now - last >= REJECT_LOG_INTERVAL_NANOS && lastRejectLogNanos.compareAndSet(last, now)) {
            rejectedSinceLog.addAndGet(-rejected);
            LOG.warn("{}: {} connection(s) from {} and others closed: the server has its maximum of {} open "
                    + "connections (setting maxConnectionsPerServer)", spec, rejected, channel.remoteAddress(), limit);
        }
    }

    void connectionClosed(Channel channel) {
        connections.remove(channel);
        reportOfflineWhenDrained();
    }

    /** Stops accepting, then closes every connection once its queued data is written. */
    void stop() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        for (Channel connection : connections) {
            GracefulClose.afterFlush(connection, closeTimeoutMillis);
        }
        serverChannel.close();
    }

    private void releasePortLater(Channel channel) {
        Runnable release = () -> {
            portReleased = true;
            reportOfflineWhenDrained();
        };
        try {
            channel.eventLoop().schedule(release, PORT_RELEASE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            release.run();
        }
    }

    private void reportOfflineWhenDrained() {
        synchronized (this) {
            if (offlineReported || !portReleased || !connections.isEmpty()) {
                return;
            }
            offlineReported = true;
        }
        onOffline.accept(this);
        listener.serverOffline(port);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
