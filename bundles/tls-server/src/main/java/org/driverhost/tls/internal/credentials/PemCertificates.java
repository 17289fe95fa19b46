package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.driverhost.tls.ServerException;

/**
 * Reads the certificates of PEM text in file order. {@code CERTIFICATE} and OpenSSL's
 * {@code TRUSTED CERTIFICATE} blocks count. Other blocks, such as a key kept in the same file, are skipped.
 */
final class PemCertificates {

    private static final String ACCEPTED = "expected one or more -----BEGIN CERTIFICATE----- blocks";

    private PemCertificates() {
    }

    /** Returns the certificates of {@code source}, at least one. */
    static List<X509Certificate> read(SourceText source) throws ServerException {
        List<X509Certificate> certificates = new ArrayList<>();
        // The JDK's certificate factory makes objects that JSSE and the JDK's PKCS#12 store take as they are.
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = Pem.parser(source)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                X509CertificateHolder holder = toHolder(item);
                if (holder != null) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw source.invalid("not readable as PEM certificates (" + e.getMessage() + "); " + ACCEPTED, e);
        }
        if (certificates.isEmpty()) {
            throw source.invalid("no certificate found; " + ACCEPTED);
        }
        return certificates;
    }

    private static X509CertificateHolder toHolder(Object item) {
        if (item instanceof X509CertificateHolder holder) {
            return holder;
        }
        if (item instanceof X509TrustedCertificateBlock trusted) {
            return trusted.getCertificateHolder();
        }
        return null;
    }
}
