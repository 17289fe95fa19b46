package org.driverhost.tls.internal;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.NoSuchAlgorithmException;
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
import org.driverhost.tls.internal.openssl.ProtocolOptions;
import org.driverhost.tls.internal.openssl.VerifyMode;

/** Builds the Netty {@link SslContext} of a server from the OpenSSL-style parameters of its spec. */
final class TlsContextFactory {

    private static final List<String> TLS13_SUITES =
            List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");

    private final CredentialLoader credentialLoader = new CredentialLoader();

    SslContext create(ServerSpec spec) throws ServerException {
        List<String> protocols = ProtocolOptions.protocols(spec.options());
        ClientAuth clientAuth = VerifyMode.clientAuth(spec.verifyMode());
        List<String> suites = cipherSuites(spec, protocols);
        ServerCredentials credentials = credentialLoader.load(spec);

        SslContextBuilder builder = SslContextBuilder
                .forServer(credentials.key(), credentials.chain().toArray(new java.security.cert.X509Certificate[0]))
                .sslProvider(SslProvider.JDK)
                .protocols(protocols)
                .clientAuth(clientAuth);
        if (!suites.isEmpty()) {
            builder.ciphers(suites, IdentityCipherSuiteFilter.INSTANCE);
        }
        if (clientAuth != ClientAuth.NONE && !credentials.trustedCertificates().isEmpty()) {
            builder.trustManager(credentials.trustedCertificates().toArray(new java.security.cert.X509Certificate[0]));
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
        if (legacy.isEmpty()) {
            return List.of();
        }
        List<String> suites = new ArrayList<>();
        if (protocols.contains("TLSv1.3")) {
            suites.addAll(TLS13_SUITES);
        }
        suites.addAll(legacy);
        return suites;
    }

    private static List<String> supportedSuites() {
        try {
            return Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS implementation", e);
        }
    }
}
