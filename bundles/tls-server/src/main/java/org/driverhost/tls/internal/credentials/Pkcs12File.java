package org.driverhost.tls.internal.credentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;

/**
 * Reads the key and certificates of a PKCS#12 file. The JDK's store reads what OpenSSL 3 writes by default
 * (PBES2 with AES-256-CBC, HMAC-SHA256), with {@code -legacy} (RC2-40 and 3DES, HMAC-SHA1), and what
 * {@code keytool} writes. BouncyCastle's store is the fallback for encryptions the JDK lacks, such as
 * Camellia. Like OpenSSL's {@code PKCS12_parse}, the first key entry is used.
 *
 * @param key the private key of the first key entry
 * @param leaf that entry's certificate
 * @param others the rest of that entry's chain, then the file's trusted certificate entries
 * @param keyEntries the number of key entries in the file
 */
record Pkcs12File(PrivateKeyInfo key, X509Certificate leaf, List<X509Certificate> others, int keyEntries) {

    private static final String ACCEPTED = "give a PKCS#12 file made by openssl pkcs12 -export or keytool";

    Pkcs12File {
        others = List.copyOf(others);
    }

    /** Returns whether {@code bytes} are a PKCS#12 PFX structure, judged by content alone. */
    static boolean isPkcs12(byte[] bytes) {
        try {
            new PKCS12PfxPdu(bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads {@code source}, unlocking it with {@code password}. */
    static Pkcs12File read(SourceText source, SealedPassword password, PasswordUse passwords) throws ServerException {
        return passwords.with(password, clear -> read(source, clear));
    }

    private static Pkcs12File read(SourceText source, char[] password) throws ServerException {
        KeyStore store;
        try {
            store = load(KeyStore.getInstance("PKCS12"), source, password);
        } catch (IOException | GeneralSecurityException jdkFailure) {
            if (isPasswordFailure(jdkFailure)) {
                throw wrongPassword(source, password, jdkFailure);
            }
            store = loadWithBouncyCastle(source, password, jdkFailure);
        }
        try {
            return firstKeyEntry(source, store, password);
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword(source, password, e);
        } catch (GeneralSecurityException | IOException e) {
            throw source.invalid("the PKCS#12 file cannot be read (" + e.getMessage() + "); " + ACCEPTED, e);
        }
    }

    private static KeyStore loadWithBouncyCastle(SourceText source, char[] password, Exception jdkFailure)
            throws ServerException {
        try {
            return load(KeyStore.getInstance("PKCS12", Bc.provider()), source, password);
        } catch (IOException | GeneralSecurityException bcFailure) {
            if (isPasswordFailure(bcFailure)) {
                throw wrongPassword(source, password, bcFailure);
            }
            bcFailure.addSuppressed(jdkFailure);
            throw source.invalid("the PKCS#12 file cannot be read (JDK: " + jdkFailure.getMessage()
                    + "; BouncyCastle: " + bcFailure.getMessage() + "); " + ACCEPTED, bcFailure);
        }
    }

    private static KeyStore load(KeyStore store, SourceText source, char[] password)
            throws IOException, GeneralSecurityException {
        store.load(new ByteArrayInputStream(source.bytes()), password);
        return store;
    }

    private static Pkcs12File firstKeyEntry(SourceText source, KeyStore store, char[] password)
            throws GeneralSecurityException, IOException, ServerException {
        String keyAlias = null;
        int keyEntries = 0;
        List<X509Certificate> trusted = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyEntries++;
                keyAlias = keyAlias == null ? alias : keyAlias;
            } else if (store.isCertificateEntry(alias)) {
                trusted.add(toJdk(store.getCertificate(alias)));
            }
        }
        if (keyAlias == null) {
            throw source.invalid("the PKCS#12 file contains no private key; " + ACCEPTED + " from a key and its "
                    + "certificate");
        }

        Key key = store.getKey(keyAlias, password);
        Certificate[] chain = store.getCertificateChain(keyAlias);
        if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
            throw source.invalid("the PKCS#12 file contains no certificate for its private key; " + ACCEPTED
                    + " from a key and its certificate");
        }
        List<X509Certificate> others = new ArrayList<>();
        for (int i = 1; i < chain.length; i++) {
            others.add(toJdk(chain[i]));
        }
        others.addAll(trusted);
        return new Pkcs12File(PrivateKeyInfo.getInstance(key.getEncoded()), toJdk(chain[0]), others, keyEntries);
    }

    /** Re-creates a certificate with the JDK's factory, so a BouncyCastle object never reaches JSSE. */
    private static X509Certificate toJdk(Certificate certificate) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded()));
    }

    /** Returns whether the store failed on its integrity check or a decryption, the signs of a wrong password. */
    private static boolean isPasswordFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException) {
                return true;
            }
        }
        return false;
    }

    private static ServerException wrongPassword(SourceText source, char[] password, Exception cause) {
        if (password.length == 0) {
            return new ServerException("missing password: " + source + " is a PKCS#12 file protected by a "
                    + "password; pass that password", cause);
        }
        return new ServerException("invalid password: it does not unlock the PKCS#12 file " + source
                + "; pass the password the file was exported with", cause);
    }
}
