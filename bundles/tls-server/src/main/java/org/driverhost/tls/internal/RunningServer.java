package org.driverhost.tls.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerSpec;

/**
 * A bound server and its open connections. When destroyed, it reports itself offline only after the last
 * of its connections has been reported offline.
 */
final class RunningServer implements ServerHandle {

    private final ServerSpec spec;
    private final ServerListener listener;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private volatile Channel serverChannel;
    private volatile int port;
    private boolean stopping;
    private boolean offlineReported;
    private Consumer<RunningServer> onOffline = server -> { };

    RunningServer(ServerSpec spec, ServerListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    void bound(Channel channel, int boundPort, Consumer<RunningServer> whenOffline) {
        this.serverChannel = channel;
        this.port = boundPort;
        this.onOffline = whenOffline;
        channel.closeFuture().addListener(future -> reportOfflineWhenDrained());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ServerSpec spec() {
        return spec;
    }

    ServerListener listener() {
        return listener;
    }

    void connectionOpened(Channel channel) {
        connections.add(channel);
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
            connection.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        serverChannel.close();
    }

    private void reportOfflineWhenDrained() {
        synchronized (this) {
            if (offlineReported || serverChannel.isOpen() || !connections.isEmpty()) {
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
