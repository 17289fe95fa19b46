package org.driverhost.tls.internal.trust;

import io.netty.handler.ssl.ClientAuth;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.driverhost.tls.ServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the trust manager that verifies client certificates against the CA certificates of the driver
 * plus those of the configured trust store, and never against the JVM's default trust store: a client
 * certificate issued by a public CA proves nothing about the client of a driver.
 */
public final class ClientTrust {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTrust.class);

    private ClientTrust() {
    }

    /**
     * Returns the trust manager for a server that requests client certificates.
     *
     * <p>With no CA certificate at all, a server that only requests certificates ({@link ClientAuth#OPTIONAL})
     * still starts, as with OpenSSL: it serves clients that send no certificate and rejects every client
     * that sends one, with a warning at start. A server that requires them ({@link ClientAuth#REQUIRE})
     * could serve nobody, so that is an error.
     *
     * @param clientAuth {@link ClientAuth#OPTIONAL} or {@link ClientAuth#REQUIRE}
     * @param verifyMode the driver's value, for messages
     * @param anchors the CA certificates of the driver and of the configured trust store
     * @param server the server, for messages
     * @throws ServerException when certificates are required but there is no CA certificate
     */
    public static TrustManager forClients(ClientAuth clientAuth, long verifyMode, List<X509Certificate> anchors,
            Object server) throws ServerException {
        if (!anchors.isEmpty()) {
            return verifyingAgainst(anchors);
        }

        if (clientAuth == ClientAuth.REQUIRE) {
            throw new ServerException(String.format("invalid verifyMode 0x%02X: SSL_VERIFY_FAIL_IF_NO_PEER_CERT "
                    + "(0x04) requires a client certificate, but there is no CA certificate to verify it against, "
                    + "so every client would be rejected; supply CA certificates with the driver's credentials, "
                    + "set trustStore in the org.driverhost.tls configuration, or leave out 0x04", verifyMode));
        }
        LOG.warn("{}: verifyMode 0x{} requests client certificates but no CA certificate is available, so a "
                + "client that sends a certificate is rejected and one that sends none is served; supply CA "
                + "certificates with the driver's credentials or set trustStore in the org.driverhost.tls "
                + "configuration", server, Long.toHexString(verifyMode).toUpperCase(java.util.Locale.ROOT));
        return new RejectingTrustManager();
    }

    private static TrustManager verifyingAgainst(List<X509Certificate> anchors) throws ServerException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    return manager;
                }
            }
            throw new IllegalStateException("the JVM's trust manager factory made no X.509 trust manager");
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerException("cannot use the CA certificates for client verification: " + e.getMessage(), e);
        }
    }

    /** Rejects every client certificate because no CA certificate could have issued it. */
    private static final class RejectingTrustManager extends X509ExtendedTrustManager {

        private static final String REASON =
                "client certificate rejected: no CA certificate is configured to verify it against";

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException(REASON);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException(REASON);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException(REASON);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager verifies clients only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("this trust manager verifies clients only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("this trust manager verifies clients only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
