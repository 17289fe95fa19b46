package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a server's key and certificates from the {@code certificate}, {@code privateKey}, {@code password}
 * and {@code chain} parameters: PEM text, PEM files, or a PKCS#12 file recognised by its content. The
 * result is what OpenSSL would serve: the leaf, then its issuers in order, with a key that matches the leaf.
 */
public final class CredentialLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialLoader.class);

    private static final String CERTIFICATE_ACCEPTED = "give PEM text, or the path of a PEM or PKCS#12 file "
            + "relative to the driver's package or sandbox folder";

    private final PasswordUse passwords;
    private final ValidityCheck validity;

    /** Creates a loader that decrypts passwords with {@link SealedPassword#open()}. */
    public CredentialLoader() {
        this(SealedPassword::open, Clock.systemUTC());
    }

    /** Creates a loader with another way to open passwords, so tests can see every array given out. */
    CredentialLoader(Function<SealedPassword, char[]> opener, Clock clock) {
        this.passwords = new PasswordUse(opener);
        this.validity = new ValidityCheck(clock);
    }

    /**
     * Loads the credentials a spec names. The password is decrypted only while a key or PKCS#12 file is
     * being decrypted, and the clear copy is zeroed right after.
     *
     * @throws ServerException naming the parameter at fault when a value cannot be used
     */
    public ServerCredentials load(ServerSpec spec) throws ServerException {
        FileRoots roots = new FileRoots(spec.fileRoots());
        if (spec.certificate().isBlank()) {
            throw new ServerException("missing certificate: " + CERTIFICATE_ACCEPTED);
        }
        SourceText certificate = SourceText.read(roots, "certificate", spec.certificate());
        ServerCredentials credentials = Pkcs12File.isPkcs12(certificate.bytes())
                ? loadPkcs12(spec, roots, certificate)
                : loadPem(spec, roots, certificate);

        for (String warning : validity.warnings(credentials.chain())) {
            LOG.warn("{}: {}; serving it anyway, as OpenSSL does", spec, warning);
        }
        return credentials;
    }

    private ServerCredentials loadPem(ServerSpec spec, FileRoots roots, SourceText certificate)
            throws ServerException {
        if (!certificate.looksLikePem()) {
            throw certificate.invalid("neither PEM (-----BEGIN CERTIFICATE-----) nor PKCS#12; " + CERTIFICATE_ACCEPTED);
        }
        List<X509Certificate> certificates = PemCertificates.read(certificate);
        X509Certificate leaf = certificates.get(0);

        if (spec.privateKey().isBlank()) {
            throw new ServerException("missing privateKey: give the PEM key of the certificate as PEM text or "
                    + "the path of a PEM file");
        }
        SourceText keySource = SourceText.read(roots, "privateKey", spec.privateKey());
        PrivateKeyInfo key = PemPrivateKey.read(keySource, spec.password(), passwords);
        checkKey(certificate, keySource.toString(), key, leaf);

        // Certificates after the first in the certificate file, as in a "fullchain" file, are issuers too.
        List<X509Certificate> candidates = new ArrayList<>(certificates.subList(1, certificates.size()));
        candidates.addAll(readChain(spec, roots));
        return assemble(spec, toJdkKey(keySource.toString(), key), leaf, candidates);
    }

    private ServerCredentials loadPkcs12(ServerSpec spec, FileRoots roots, SourceText certificate)
            throws ServerException {
        Pkcs12File file = Pkcs12File.read(certificate, spec.password(), passwords);
        if (!spec.privateKey().isBlank()) {
            LOG.info("{}: privateKey is ignored because certificate {} is a PKCS#12 file with its own key",
                    spec, certificate.label());
        }
        if (file.keyEntries() > 1) {
            LOG.warn("{}: certificate {} contains {} private keys; using the first, for {}", spec, certificate.label(),
                    file.keyEntries(), file.leaf().getSubjectX500Principal().getName());
        }
        checkKey(certificate, certificate + " (its private key)", file.key(), file.leaf());

        // A chain parameter replaces the file's chain rather than adding to it.
        List<X509Certificate> candidates = spec.chain().isBlank() ? file.others() : readChain(spec, roots);
        return assemble(spec, toJdkKey(certificate.toString(), file.key()), file.leaf(), candidates);
    }

    private static List<X509Certificate> readChain(ServerSpec spec, FileRoots roots) throws ServerException {
        if (spec.chain().isBlank()) {
            return List.of();
        }
        return PemCertificates.read(SourceText.read(roots, "chain", spec.chain()));
    }

    private static ServerCredentials assemble(ServerSpec spec, PrivateKey key, X509Certificate leaf,
            List<X509Certificate> candidates) {
        IssuerChain issuers = IssuerChain.of(leaf, candidates);
        for (X509Certificate certificate : issuers.unrelated()) {
            LOG.warn("{}: chain certificate {} is not an issuer of {} and is not sent", spec,
                    certificate.getSubjectX500Principal().getName(), leaf.getSubjectX500Principal().getName());
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(issuers.issuers());
        return new ServerCredentials(key, chain, issuers.authorities());
    }

    /** Rejects a key that JSSE cannot serve or that does not belong to the certificate. */
    private static void checkKey(SourceText certificate, String keyLabel, PrivateKeyInfo key, X509Certificate leaf)
            throws ServerException {
        String type = KeyType.supportedName(leaf);
        if (type == null) {
            throw certificate.invalid("the key type of " + commonName(leaf.getSubjectX500Principal()) + ", "
                    + KeyType.describe(leaf) + ", cannot be served by the JDK's TLS; " + KeyType.ACCEPTED);
        }
        boolean matches;
        try {
            matches = KeyMatch.matches(key, leaf);
        } catch (IOException | RuntimeException e) {
            throw new ServerException("invalid " + keyLabel + ": the key cannot be decoded (" + e.getMessage()
                    + "); " + KeyType.ACCEPTED, e);
        }
        if (!matches) {
            throw new ServerException("invalid " + keyLabel + ": it does not match the certificate's public key ("
                    + type + ", subject " + commonName(leaf.getSubjectX500Principal()) + "); give the key the "
                    + "certificate was issued for");
        }
    }

    private static PrivateKey toJdkKey(String keyLabel, PrivateKeyInfo key) throws ServerException {
        try {
            // The converter uses the JVM's own providers, so JSSE gets a key class it can sign with.
            return new JcaPEMKeyConverter().getPrivateKey(key);
        } catch (IOException e) {
            throw new ServerException("invalid " + keyLabel + ": the JDK cannot use the key (" + e.getMessage()
                    + "); " + KeyType.ACCEPTED, e);
        }
    }

    /** Returns {@code CN=...} of a subject, or the whole subject when it has no common name. */
    static String commonName(X500Principal subject) {
        RDN[] names = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.CN);
        if (names.length == 0) {
            return subject.getName();
        }
        return "CN=" + IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
