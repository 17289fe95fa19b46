package org.driverhost.tls.internal.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;

/**
 * Loads a server's key and certificates from the {@code certificate}, {@code privateKey}, {@code password}
 * and {@code chain} parameters: PEM text, PEM files, or a PKCS#12 file recognised by its content.
 */
public final class CredentialLoader {

    private static final String PEM_MARKER = "-----BEGIN";

    /** Loads the credentials a spec names. The password is decrypted only for the duration of this call. */
    public ServerCredentials load(ServerSpec spec) throws ServerException {
        FileRoots roots = new FileRoots(spec.fileRoots());
        if (spec.certificate().isBlank()) {
            throw new ServerException("missing certificate: give PEM text, a PEM file or a PKCS#12 file");
        }
        byte[] certificateBytes = readSource(roots, "certificate", spec.certificate());
        if (isPkcs12(certificateBytes)) {
            return loadPkcs12(certificateBytes, spec, roots);
        }
        List<X509Certificate> certificates = parseCertificates("certificate", certificateBytes);
        if (spec.privateKey().isBlank()) {
            throw new ServerException("missing privateKey: give PEM text or a PEM file that holds the key of the certificate");
        }
        PrivateKey key = parseKey(readSource(roots, "privateKey", spec.privateKey()), spec.password());
        List<X509Certificate> chain = new ArrayList<>(certificates);
        List<X509Certificate> extra = spec.chain().isBlank()
                ? List.of() : parseCertificates("chain", readSource(roots, "chain", spec.chain()));
        chain.addAll(extra);
        return new ServerCredentials(key, chain, extra);
    }

    private static byte[] readSource(FileRoots roots, String parameter, String value) throws ServerException {
        if (value.contains(PEM_MARKER)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        Path file = roots.resolve(parameter, value.strip());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ServerException("invalid " + parameter + " \"" + value + "\": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Returns whether the bytes look like DER (a SEQUENCE) rather than PEM text. */
    private static boolean isPkcs12(byte[] bytes) {
        return bytes.length > 0 && bytes[0] == 0x30;
    }

    private static List<X509Certificate> parseCertificates(String parameter, byte[] pem) throws ServerException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(reader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerException("invalid " + parameter + ": not a readable PEM certificate (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new ServerException("invalid " + parameter + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return certificates;
    }

    private static PrivateKey parseKey(byte[] pem, SealedPassword password) throws ServerException {
        try (PEMParser parser = new PEMParser(reader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                PrivateKeyInfo info = toKeyInfo(item, password);
                if (info != null) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
        } catch (IOException e) {
            throw new ServerException("invalid privateKey: not a readable PEM key (" + e.getMessage() + ")", e);
        }
        throw new ServerException("invalid privateKey: no PEM private key found");
    }

    private static PrivateKeyInfo toKeyInfo(Object item, SealedPassword password) throws ServerException, IOException {
        if (item instanceof PrivateKeyInfo info) {
            return info;
        }
        if (item instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (item instanceof PEMEncryptedKeyPair encrypted) {
            char[] secret = requirePassword(password);
            try {
                return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(secret)).getPrivateKeyInfo();
            } catch (IOException e) {
                throw wrongPassword(e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            char[] secret = requirePassword(password);
            try {
                return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().build(secret));
            } catch (PKCSException | OperatorCreationException e) {
                throw wrongPassword(e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
        return null;
    }

    private ServerCredentials loadPkcs12(byte[] der, ServerSpec spec, FileRoots roots) throws ServerException {
        char[] secret = spec.password().open();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(der), secret);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, secret);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    List<X509Certificate> issuers = spec.chain().isBlank()
                            ? chain.subList(1, chain.size())
                            : parseCertificates("chain", readSource(roots, "chain", spec.chain()));
                    List<X509Certificate> full = new ArrayList<>();
                    full.add(chain.get(0));
                    full.addAll(issuers);
                    return new ServerCredentials(key, full, issuers);
                }
            }
            throw new ServerException("invalid certificate: the PKCS#12 file holds no private key entry");
        } catch (IOException e) {
            throw new ServerException("invalid password: it does not unlock the PKCS#12 file given as certificate", e);
        } catch (GeneralSecurityException e) {
            throw new ServerException("invalid certificate: the PKCS#12 file cannot be read (" + e.getMessage() + ")", e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static char[] requirePassword(SealedPassword password) throws ServerException {
        if (password.isEmpty()) {
            throw new ServerException("missing password: the privateKey is encrypted; pass its password");
        }
        return password.open();
    }

    private static ServerException wrongPassword(Exception cause) {
        return new ServerException("invalid password: it does not decrypt the privateKey", cause);
    }

    private static Reader reader(byte[] pem) {
        return new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.ISO_8859_1);
    }

    static Reader reader(String pem) {
        return new StringReader(pem);
    }
}
