package org.driverhost.tls.internal.credentials;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Key material of one server.
 *
 * @param key the private key of the leaf certificate
 * @param chain the leaf certificate first, then its issuers in order
 * @param trustedCertificates certificates that client certificates are verified against
 */
public record ServerCredentials(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> trustedCertificates) {

    public ServerCredentials {
        chain = List.copyOf(chain);
        trustedCertificates = List.copyOf(trustedCertificates);
    }

    /** Returns the certificate the server presents. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ServerCredentials[" + leaf().getSubjectX500Principal() + ", chain of " + chain.size() + "]";
    }
}
