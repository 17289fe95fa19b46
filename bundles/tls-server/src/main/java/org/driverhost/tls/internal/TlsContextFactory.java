package org.driverhost.tls.internal;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;
import org.driverhost.tls.internal.credentials.CredentialLoader;
import org.driverhost.tls.internal.credentials.ServerCredentials;
import org.driverhost.tls.internal.openssl.CipherString;
import org.driverhost.tls.internal.openssl.JvmProtocolPolicy;
import org.driverhost.tls.internal.openssl.ProtocolOptions;
import org.driverhost.tls.internal.openssl.VerifyMode;
import org.driverhost.tls.internal.trust.ClientTrust;
import org.driverhost.tls.internal.trust.TrustStoreFile;
import org.driverhost.tls.internal.trust.TrustStorePassword;
import org.driverhost.secrets.SecretCodec;

/** Builds the Netty {@link SslContext} of a server from the OpenSSL-style parameters of its spec. */
final class TlsContextFactory {

    private static final List<String> TLS13_SUITES =
            List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");

    private final CredentialLoader credentialLoader = new CredentialLoader();

    /** Builds the context of a server with no trust store configured. */
    SslContext create(ServerSpec spec) throws ServerException {
        return create(spec, "", "", null);
    }

    /** Builds the context of a server, verifying client certificates also against the configured trust store. */
    SslContext create(ServerSpec spec, ServerSettings settings) throws ServerException {
        return create(spec, settings, null);
    }

    /**
     * Builds the context of a server as {@link #create(ServerSpec, ServerSettings)} does, decrypting an encrypted
     * trust store password with {@code codec} (null when the secret storage is not running).
     */
    SslContext create(ServerSpec spec, ServerSettings settings, SecretCodec codec) throws ServerException {
        return create(spec, settings.trustStore(), settings.trustStorePassword(), codec);
    }

    private SslContext create(ServerSpec spec, String trustStore, String trustStorePassword, SecretCodec codec)
            throws ServerException {
        ProtocolOptions options = ProtocolOptions.protocols(spec.options());
        ClientAuth clientAuth = VerifyMode.clientAuth(spec.verifyMode());
        List<String> protocols = JvmProtocolPolicy.current().permit(options, spec);
        List<String> suites = cipherSuites(spec, protocols);
        ServerCredentials credentials = credentialLoader.load(spec);

        SslContextBuilder builder = SslContextBuilder
                .forServer(credentials.key(), credentials.chain().toArray(new X509Certificate[0]))
                .sslProvider(SslProvider.JDK)
                .protocols(protocols)
                .clientAuth(clientAuth);
        builder.ciphers(suites, IdentityCipherSuiteFilter.INSTANCE);
        if (clientAuth != ClientAuth.NONE) {
            // Always set a trust manager: without one Netty would verify clients against the JVM's CA store.
            List<X509Certificate> anchors = new ArrayList<>(credentials.trustedCertificates());
            anchors.addAll(loadTrustStore(trustStore, trustStorePassword, codec));
            builder.trustManager(ClientTrust.forClients(clientAuth, spec.verifyMode(), anchors, spec));
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ServerException("invalid TLS parameters for " + spec + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the suites to enable: the cipher string governs TLS 1.2 and older only, as in OpenSSL, so the
     * TLS 1.3 suites are added whenever TLS 1.3 is on.
     */
    private static List<String> cipherSuites(ServerSpec spec, List<String> protocols) throws ServerException {
        List<String> legacy = CipherString.resolve(spec.cipherList(), supportedSuites());
        List<String> suites = new ArrayList<>();
        if (protocols.contains("TLSv1.3")) {
            suites.addAll(TLS13_SUITES);
        }
        suites.addAll(legacy);
        return suites;
    }

    private static List<X509Certificate> loadTrustStore(String path, String storedPassword, SecretCodec codec)
            throws ServerException {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        char[] password = TrustStorePassword.open(storedPassword, codec);
        try {
            return TrustStoreFile.load(path, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static List<String> supportedSuites() {
        try {
            return Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS implementation", e);
        }
    }
}
