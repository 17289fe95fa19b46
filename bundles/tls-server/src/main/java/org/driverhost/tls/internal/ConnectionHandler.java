package org.driverhost.tls.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.driverhost.tls.ConnectionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a connection's pipeline: turns channel events into listener calls. A TLS connection is
 * reported online only after its handshake succeeded, so a refused client never produces an online event.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final RunningServer server;
    private final ConnectionRegistry registry;
    private ConnectionInfo connection;
    private boolean online;

    ConnectionHandler(RunningServer server, ConnectionRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        long handle = registry.register(ctx.channel());
        connection = new ConnectionInfo(handle, server.port(), remote.getAddress().getHostAddress(), remote.getPort());
        if (!server.spec().isTls()) {
            goOnline();
        }
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                goOnline();
            } else {
                LOG.info("Connection {} from {}:{} to port {}: TLS handshake failed: {}", connection.handle(),
                        connection.remoteAddress(), connection.remotePort(), server.port(), describe(handshake.cause()));
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (online && msg instanceof ByteBuf payload && payload.isReadable()) {
                server.listener().dataReceived(connection, ByteBufUtil.getBytes(payload));
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            registry.unregister(connection.handle());
            if (online) {
                online = false;
                server.listener().connectionOffline(connection);
            }
        }
        server.connectionClosed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String handle = connection == null ? "?" : Long.toString(connection.handle());
        LOG.debug("Connection {} on port {}: closing after error", handle, server.port(), cause);
        ctx.close();
    }

    private void goOnline() {
        online = true;
        server.listener().connectionOnline(connection);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
