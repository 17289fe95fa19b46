package org.driverhost.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

/** Writes key stores of trusted certificates, as keytool would, for trust store tests. */
final class TrustStores {

    private TrustStores() {
    }

    /** Writes a key store of {@code type} (PKCS12 or JKS) with the PEM certificate as trusted entry. */
    static Path write(Path pem, Path target, String type, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            store.store(out, password.toCharArray());
        }
        return target;
    }
}
