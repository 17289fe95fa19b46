package org.driverhost.tls.internal.credentials;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Serves loaded credentials through a Netty server context built as the TLS server builds it (JDK provider),
 * and completes a real TLS handshake with a JDK client on loopback.
 */
final class Handshake {

    private static final int TIMEOUT_MILLIS = 20_000;

    private Handshake() {
    }

    /** Returns the certificate chain the server presents to a client that trusts anything. */
    static List<X509Certificate> presentedChain(ServerCredentials credentials) throws Exception {
        return run(credentials, ClientAuth.NONE, null, null);
    }

    /** Returns the presented chain when the client offers {@code protocol} only, such as {@code TLSv1.2}. */
    static List<X509Certificate> presentedChain(ServerCredentials credentials, String protocol) throws Exception {
        return run(credentials, ClientAuth.NONE, null, protocol);
    }

    /**
     * Runs a handshake in which the server requires a client certificate, verified against the credentials'
     * trusted certificates, and returns the chain the server presented.
     */
    static List<X509Certificate> presentedChainWithClient(ServerCredentials credentials, PrivateKey clientKey,
            X509Certificate... clientChain) throws Exception {
        return run(credentials, ClientAuth.REQUIRE, keyManagers(clientKey, clientChain), null);
    }

    private static List<X509Certificate> run(ServerCredentials credentials, ClientAuth clientAuth,
            KeyManager[] clientKeys, String protocol) throws Exception {
        SslContextBuilder builder = SslContextBuilder
                .forServer(credentials.key(), credentials.chain().toArray(new X509Certificate[0]))
                .sslProvider(SslProvider.JDK)
                .clientAuth(clientAuth);
        if (clientAuth != ClientAuth.NONE) {
            builder.trustManager(credentials.trustedCertificates().toArray(new X509Certificate[0]));
        }
        SslContext netty = builder.build();
        SSLContext serverContext = ((JdkSslContext) netty).context();

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(TIMEOUT_MILLIS);
            listener.setNeedClientAuth(clientAuth == ClientAuth.REQUIRE);
            CompletableFuture<Integer> received = new CompletableFuture<>();
            Future<?> served = executor.submit(() -> serveOne(listener, received));

            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(clientKeys, new TrustManager[] {new AcceptingTrustManager()}, null);
            try {
                return connect(clientContext, listener.getLocalPort(), protocol, received, served);
            } catch (IOException | ExecutionException clientFailure) {
                throw serverFailure(served, clientFailure);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<X509Certificate> connect(SSLContext clientContext, int port, String protocol,
            CompletableFuture<Integer> received, Future<?> served) throws Exception {
        try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            if (protocol != null) {
                socket.setEnabledProtocols(new String[] {protocol});
            }
            socket.startHandshake();
            if (protocol != null && !protocol.equals(socket.getSession().getProtocol())) {
                throw new AssertionError("negotiated " + socket.getSession().getProtocol() + ", not " + protocol);
            }
            List<X509Certificate> presented = new ArrayList<>();
            for (Certificate certificate : socket.getSession().getPeerCertificates()) {
                presented.add((X509Certificate) certificate);
            }
            // One byte through the connection proves both sides finished the handshake.
            socket.getOutputStream().write(42);
            socket.getOutputStream().flush();
            if (received.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) != 42) {
                throw new AssertionError("the server did not receive the byte sent after the handshake");
            }
            socket.close();
            // The server's close waits for the client's close_notify, so it can only end after ours.
            served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return presented;
        }
    }

    /**
     * Returns the server's exception when the server side failed, since in TLS 1.3 the client often sees only
     * a closed connection, or nothing at all, when the server rejects its certificate.
     */
    private static Exception serverFailure(Future<?> served, Exception clientFailure) throws Exception {
        try {
            served.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception serverException) {
                serverException.addSuppressed(clientFailure);
                return serverException;
            }
        }
        return clientFailure;
    }

    private static Void serveOne(SSLServerSocket listener, CompletableFuture<Integer> received) throws IOException {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            received.complete(socket.getInputStream().read());
        } catch (IOException | RuntimeException e) {
            received.completeExceptionally(e);
            throw e;
        }
        return null;
    }

    private static KeyManager[] keyManagers(PrivateKey key, X509Certificate[] chain) throws GeneralSecurityException,
            IOException {
        char[] storePassword = "client".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, storePassword, chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, storePassword);
        return factory.getKeyManagers();
    }

    /** Accepts any server certificate; the tests inspect the presented chain themselves. */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
