package org.driverhost.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.internal.RecordingListener.Event;
import org.driverhost.tls.internal.RecordingListener.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which CA certificates client certificates are verified against: the driver's, those of the
 * {@code trustStore} setting, and never the JVM's default trust store. Clients are JDK {@link SSLSocket}s
 * and the real {@code openssl s_client}.
 */
class ClientTrustServerTest {

    @TempDir
    static Path folder;

    private static TestCertificates certificates;
    private TlsServerFixture server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.withClients(folder);
    }

    @BeforeEach
    void startService() {
        server = new TlsServerFixture(TestSettings.loopback());
    }

    @AfterEach
    void stopService() {
        server.close();
    }

    @Test
    void jdkClientWithTrustedCertificateIsServed() throws Exception {
        int port = server.startGreeting(folder, 0, 0x0E, TestCertificates.CLIENT_CA, "").port();

        String greeting = readGreeting(port, "trusted-client");

        assertEquals(TlsServerFixture.GREETING, greeting);
        List<Event> connection = server.listener().nextConnection();
        assertEquals(Kind.ONLINE, connection.get(0).kind(), connection::toString);
    }

    @Test
    void requiredUntrustedJdkClientRefused() throws Exception {
        int port = server.startGreeting(folder, 0, 0x0E, TestCertificates.CLIENT_CA, "").port();
        server.listener().drain();

        // TLS 1.2 fails in the handshake; with TLS 1.3 the client learns it only when it reads.
        assertThrows(SSLException.class, () -> readGreeting(port, "untrusted-client"));

        List<Event> events = server.listener().drain();
        assertTrue(events.stream().noneMatch(event -> event.kind() == Kind.ONLINE), events::toString);
    }

    @Test
    void jdkClientKeepsForeignCertificate() throws Exception {
        // The server names its CAs in the certificate request, and a JDK client sends no certificate from
        // another CA, so it is served as a client without certificate.
        int port = server.startGreeting(folder, 0, 0x0A, TestCertificates.CLIENT_CA, "").port();

        String greeting = readGreeting(port, "untrusted-client");

        assertEquals(TlsServerFixture.GREETING, greeting);
    }

    @Test
    void requiredJdkClientWithoutCertificateRefused() throws Exception {
        int port = server.startGreeting(folder, 0, 0x06, TestCertificates.CLIENT_CA, "").port();
        server.listener().drain();

        assertThrows(SSLException.class, () -> readGreeting(port, null));

        List<Event> events = server.listener().drain();
        assertTrue(events.stream().noneMatch(event -> event.kind() == Kind.ONLINE), events::toString);
    }

    @Test
    void jvmDefaultTrustStoreIsNotUsed() throws Exception {
        // The JVM's default trust store trusts the CA of the client, the driver supplies no CA at all.
        Path jvmStore = TrustStores.write(folder.resolve(TestCertificates.ROGUE_CA),
                folder.resolve("jvm-default.p12"), "PKCS12", "jvm-store");
        String oldStore = System.getProperty("javax.net.ssl.trustStore");
        String oldPassword = System.getProperty("javax.net.ssl.trustStorePassword");
        System.setProperty("javax.net.ssl.trustStore", jvmStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "jvm-store");
        try {
            int port = server.startGreeting(folder, 0, 0x0A, "", "").port();
            server.listener().drain();

            SClientProbe probe = SClientProbe.connectWithCertificate(certificates, port, "-tls1_3", "untrusted-client");

            assertFalse(probe.greeted(), probe::toString);
            List<Event> events = server.listener().drain();
            assertTrue(events.stream().noneMatch(event -> event.kind() == Kind.ONLINE), events::toString);
        } finally {
            restore("javax.net.ssl.trustStore", oldStore);
            restore("javax.net.ssl.trustStorePassword", oldPassword);
        }
    }

    @Test
    void pemTrustStoreSettingVerifiesClients() throws Exception {
        TestSettings settings = TestSettings.loopback()
                .withTrustStore(folder.resolve(TestCertificates.CLIENT_CA).toString(), "");

        try (GreetingServer greeting = new GreetingServer(contextWithoutDriverCa(settings, 0x0E))) {
            SClientProbe trusted = SClientProbe.connectWithCertificate(certificates, greeting.port(), "-tls1_2",
                    "trusted-client");
            SClientProbe untrusted = SClientProbe.connectWithCertificate(certificates, greeting.port(), "-tls1_2",
                    "untrusted-client");

            assertTrue(trusted.greeted(), trusted::toString);
            assertFalse(untrusted.greeted(), untrusted::toString);
        }
    }

    @Test
    void pkcs12TrustStoreSettingVerifiesClients() throws Exception {
        Path store = TrustStores.write(folder.resolve(TestCertificates.CLIENT_CA), folder.resolve("clients.p12"),
                "PKCS12", "store-secret");
        TestSettings settings = TestSettings.loopback().withTrustStore(store.toString(), "store-secret");

        try (GreetingServer greeting = new GreetingServer(contextWithoutDriverCa(settings, 0x0A))) {
            SClientProbe trusted = SClientProbe.connectWithCertificate(certificates, greeting.port(), "-tls1_3",
                    "trusted-client");
            SClientProbe untrusted = SClientProbe.connectWithCertificate(certificates, greeting.port(), "-tls1_3",
                    "untrusted-client");

            assertTrue(trusted.greeted(), trusted::toString);
            assertFalse(untrusted.greeted(), untrusted::toString);
        }
    }

    @Test
    void trustStoreWithWrongPasswordIsRejected() throws Exception {
        Path store = TrustStores.write(folder.resolve(TestCertificates.CLIENT_CA), folder.resolve("locked.p12"),
                "PKCS12", "store-secret");
        TestSettings settings = TestSettings.loopback().withTrustStore(store.toString(), "not-the-password");

        ServerException error = assertThrows(ServerException.class, () -> contextWithoutDriverCa(settings, 0x0A));

        assertTrue(error.getMessage().startsWith("invalid trustStore setting \"" + store + "\": the "
                + "trustStorePassword setting does not match the file"), error::getMessage);
    }

    private static SslContext contextWithoutDriverCa(TestSettings settings, long verifyMode) throws ServerException {
        return new TlsContextFactory().create(TlsServerFixture.spec(folder, 0, verifyMode, "").build(), settings);
    }

    private static String readGreeting(int port, String client) throws Exception {
        SSLContext context = JdkTlsClient.context(folder.resolve(TestCertificates.CLIENT_CA),
                client == null ? null : certificates.clientP12(client));
        try (SSLSocket socket = JdkTlsClient.connect(context, port)) {
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /**
     * A bare Netty server around a context built by {@link TlsContextFactory}, because the service does not
     * pass its settings to the factory yet. It greets every client whose handshake succeeded, then closes.
     */
    private static final class GreetingServer implements AutoCloseable {

        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        private final Channel channel;

        GreetingServer(SslContext context) throws InterruptedException {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel client) {
                            client.pipeline().addLast(context.newHandler(client.alloc()), new Greeter());
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
        }

        int port() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            channel.close().syncUninterruptibly();
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static final class Greeter extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    ctx.writeAndFlush(Unpooled.copiedBuffer(TlsServerFixture.GREETING, StandardCharsets.US_ASCII))
                            .addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.close();
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
