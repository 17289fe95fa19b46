package org.driverhost.tls.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerService;
import org.driverhost.tls.ServerSpec;
import org.driverhost.tls.internal.framing.DelimiterFramer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server socket service on Netty: one pair of event loop groups shared by every driver's servers. UDP
 * sockets run on the worker group.
 */
@Component(service = ServerService.class, configurationPid = "org.driverhost.tls")
@Designate(ocd = ServerSettings.class)
public final class NettyServerService implements ServerService {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServerService.class);
    private static final long BIND_TIMEOUT_SECONDS = 10;

    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    // TCP and UDP port numbers are separate spaces, so a TCP and a UDP server may share a number.
    private final Map<Integer, RunningServer> tcpServers = new ConcurrentHashMap<>();
    private final Map<Integer, RunningServer> udpServers = new ConcurrentHashMap<>();
    private final TlsContextFactory tlsContexts = new TlsContextFactory();
    private volatile ServerSettings settings;

    /** The secret storage, which decrypts the trust store password; absent while it is not running. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SecretCodec secretCodec;

    @Activate
    public NettyServerService(ServerSettings settings) {
        this.settings = settings;
        this.acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(threadCount(settings), NioIoHandler.newFactory());
        LOG.info("Server sockets ready: bind address {}, flush timeout {} ms", settings.bindAddress(),
                settings.flushTimeoutMillis());
    }

    @Modified
    void modified(ServerSettings changed) {
        this.settings = changed;
        LOG.info("Server socket settings changed: bind address {} applies to servers started from now on",
                changed.bindAddress());
    }

    /** Stops every server and the network threads; public so that tests outside OSGi can call it. */
    @Deactivate
    public void deactivate() {
        for (ServerHandle server : servers()) {
            ((RunningServer) server).stop();
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public ServerHandle start(ServerSpec spec, ServerListener listener) throws ServerException {
        Map<Integer, RunningServer> sameProtocol = spec.isUdp() ? udpServers : tcpServers;
        checkPort(spec, sameProtocol);
        ServerSettings current = settings;
        SslContext sslContext = spec.isTls() ? tlsContexts.create(spec, current, secretCodec) : null;
        RunningServer server = new RunningServer(spec, sslContext, listener, current.closeTimeoutMillis());

        DatagramHandler datagrams = spec.isUdp() ? new DatagramHandler(server) : null;
        Channel channel = spec.isUdp() ? bindUdp(spec, current, datagrams) : bind(spec, current, server);
        int port = ((InetSocketAddress) channel.localAddress()).getPort();
        if (sameProtocol.putIfAbsent(port, server) != null) {
            channel.close();
            throw portTaken(spec);
        }
        server.bound(channel, port, stopped -> sameProtocol.remove(stopped.port(), stopped));
        LOG.info("{}: listening on {}:{}", spec, bindAddress(spec, current), port);
        listener.serverOnline(port);
        if (datagrams != null) {
            startReadingDatagrams(channel, datagrams);
        }
        return server;
    }

    @Override
    public boolean sendDatagram(String owner, int serverPort, InetSocketAddress recipient, byte[] data) {
        RunningServer server = udpServers.get(serverPort);
        if (server == null || !server.spec().owner().equals(owner) || !server.channel().isActive()) {
            return false;
        }
        server.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(data), recipient));
        return true;
    }

    @Override
    public void pauseReading(long connection) {
        Channel channel = connections.find(connection);
        if (channel != null) {
            channel.config().setAutoRead(false);
        }
    }

    @Override
    public void resumeReading(long connection) {
        Channel channel = connections.find(connection);
        if (channel != null) {
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public ServerHandle update(ServerSpec spec) throws ServerException {
        RunningServer server = tcpServers.get(spec.port());
        if (server == null || !server.spec().owner().equals(spec.owner())) {
            throw new ServerException("invalid port " + spec.port() + ": " + spec.owner() + " has no server on it");
        }
        ServerSpec running = server.spec();
        if (!running.isTls() || !spec.isTls()) {
            throw new ServerException("invalid spec for port " + spec.port() + ": only TLS servers can be changed in place");
        }
        if (!Arrays.equals(running.delimiter(), spec.delimiter())
                || !Objects.equals(running.bindAddress(), spec.bindAddress())) {
            throw new ServerException("invalid spec for port " + spec.port() + ": the delimiter and bind address "
                    + "cannot change on a running server; stop it and start a new one");
        }
        server.replaceTls(spec, tlsContexts.create(spec, settings, secretCodec));
        LOG.info("{}: TLS parameters replaced; new connections use them", spec);
        return server;
    }

    @Override
    public boolean send(long connection, byte[] data) {
        Channel channel = connections.find(connection);
        // A UDP server's handle names its socket, which sends only through sendDatagram.
        if (channel == null || !channel.isActive() || channel instanceof DatagramChannel) {
            return false;
        }
        if (!channel.isWritable()) {
            // The client reads slower than the driver sends: queuing more would grow memory without bound.
            LOG.warn("Connection {}: closed because its client does not read and more than {} bytes wait for it "
                    + "(setting maxQueuedBytesPerConnection)", connection, settings.maxQueuedBytesPerConnection());
            // Forget the handle at once: the close runs later, and until then later sends must fail too.
            connections.unregister(connection);
            channel.close();
            return false;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(data));
        return true;
    }

    @Override
    public void close(long connection) {
        Channel channel = connections.find(connection);
        // Closing a UDP server's handle would stop the whole server; DestroyServer does that.
        if (channel != null && !(channel instanceof DatagramChannel)) {
            GracefulClose.afterFlush(channel, settings.closeTimeoutMillis());
        }
    }

    @Override
    public boolean destroy(String owner, int port) {
        boolean found = false;
        for (RunningServer server : new RunningServer[] {tcpServers.get(port), udpServers.get(port)}) {
            if (server != null && server.spec().owner().equals(owner)) {
                server.stop();
                found = true;
            }
        }
        return found;
    }

    @Override
    public void destroyAll(String owner) {
        for (ServerHandle server : servers()) {
            if (server.spec().owner().equals(owner)) {
                ((RunningServer) server).stop();
            }
        }
    }

    @Override
    public List<ServerHandle> servers() {
        List<ServerHandle> all = new ArrayList<>(tcpServers.values());
        all.addAll(udpServers.values());
        return List.copyOf(all);
    }

    private static void checkPort(ServerSpec spec, Map<Integer, RunningServer> sameProtocol) throws ServerException {
        int port = spec.port();
        if (port < 0 || port > 65535) {
            throw new ServerException("invalid port " + port + ": give a number from 1 to 65535, or 0 for any free port");
        }
        if (port != 0 && sameProtocol.containsKey(port)) {
            throw portTaken(spec);
        }
    }

    private static ServerException portTaken(ServerSpec spec) {
        String protocol = spec.isUdp() ? "UDP" : "TCP";
        return new ServerException("invalid port " + spec.port() + ": a DriverHost " + protocol + " server already "
                + "listens on it; destroy that server first or choose another port");
    }

    /**
     * Binds a UDP socket that does not read yet, so that no datagram reaches the listener before its server
     * is reported online.
     */
    private Channel bindUdp(ServerSpec spec, ServerSettings current, DatagramHandler datagrams) throws ServerException {
        Bootstrap bootstrap = new Bootstrap()
                .group(workers)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .handler(datagrams);
        return awaitBind(bootstrap.bind(bindAddress(spec, current), spec.port()), spec, current);
    }

    private void startReadingDatagrams(Channel channel, DatagramHandler datagrams) {
        long handle = connections.register(channel);
        channel.closeFuture().addListener(future -> connections.unregister(handle));
        datagrams.handle(handle);
        channel.config().setAutoRead(true);
    }

    private static String bindAddress(ServerSpec spec, ServerSettings current) {
        return spec.bindAddress() != null ? spec.bindAddress() : current.bindAddress();
    }

    private Channel bind(ServerSpec spec, ServerSettings current, RunningServer server) throws ServerException {
        String address = bindAddress(spec, current);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, sendQueueLimits(current))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        buildPipeline(channel, server, server.sslContext(), current);
                    }
                });
        return awaitBind(bootstrap.bind(address, spec.port()), spec, current);
    }

    private static Channel awaitBind(ChannelFuture future, ServerSpec spec, ServerSettings current)
            throws ServerException {
        String address = bindAddress(spec, current);
        if (!future.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            future.cancel(false);
            throw new ServerException("invalid port " + spec.port() + ": binding timed out");
        }
        if (!future.isSuccess()) {
            Throwable cause = future.cause();
            if (cause instanceof BindException) {
                throw new ServerException("invalid port " + spec.port() + ": it is already in use for "
                        + (spec.isUdp() ? "UDP" : "TCP") + " on " + address + " (" + cause.getMessage()
                        + "); choose another port", cause);
            }
            throw new ServerException("cannot listen on " + address + ":" + spec.port() + ": "
                    + cause.getMessage(), cause);
        }
        return future.channel();
    }

    private void buildPipeline(SocketChannel channel, RunningServer server, SslContext sslContext,
            ServerSettings current) {
        int limit = current.maxConnectionsPerServer();
        if (limit > 0 && server.connectionCount() >= limit) {
            server.rejectOverLimit(channel, limit);
            return;
        }
        server.connectionOpened(channel);
        if (sslContext != null) {
            SslHandler tls = sslContext.newHandler(channel.alloc());
            tls.setHandshakeTimeoutMillis(current.handshakeTimeoutMillis());
            channel.pipeline().addLast("tls", tls);
        }
        byte[] delimiter = server.spec().delimiter();
        if (delimiter.length > 0) {
            int maxPayload = Math.max(current.maxPayloadBytes(), delimiter.length);
            channel.pipeline().addLast("framer", new DelimiterFramer(delimiter, maxPayload, current.flushTimeoutMillis()));
        }
        channel.pipeline().addLast("connection", new ConnectionHandler(server, connections));
    }

    /** Marks a connection unwritable once the queued bytes for it pass the setting; see {@link #send}. */
    private static WriteBufferWaterMark sendQueueLimits(ServerSettings current) {
        int high = Math.max(current.maxQueuedBytesPerConnection(), 2);
        return new WriteBufferWaterMark(high / 2, high);
    }

    private static int threadCount(ServerSettings settings) {
        int configured = settings.networkThreads();
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
