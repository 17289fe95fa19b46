package org.driverhost.examples.packager;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes a fresh self-signed EC P-256 certificate for localhost, 127.0.0.1 and ::1, and its unencrypted
 * PKCS#8 key, as PEM files. Each call makes a new key, so no two builds share one.
 */
public final class SelfSignedCertificate {

    /** File name of the certificate that the example drivers pass to {@code C4:CreateTLSServer}. */
    public static final String CERTIFICATE_FILE = "server-cert.pem";
    /** File name of the private key that the example drivers pass to {@code C4:CreateTLSServer}. */
    public static final String KEY_FILE = "server-key.pem";

    private static final Duration VALIDITY = Duration.ofDays(3 * 365);

    private SelfSignedCertificate() {
    }

    /** Writes {@link #CERTIFICATE_FILE} and {@link #KEY_FILE} into {@code folder}. */
    public static void write(Path folder) throws IOException, GeneralSecurityException {
        KeyPair pair = newKeyPair();
        X509CertificateHolder certificate = sign(pair);
        writePem(folder.resolve(CERTIFICATE_FILE), certificate);
        writePem(folder.resolve(KEY_FILE), new JcaPKCS8Generator(pair.getPrivate(), null));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder sign(KeyPair pair) throws IOException, GeneralSecurityException {
        X500Name subject = new X500Name("CN=localhost, O=DriverHost example");
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, "::1"),
        }));
        try {
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the example certificate", e);
        }
    }

    private static void writePem(Path file, Object item) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(item);
        }
    }
}
