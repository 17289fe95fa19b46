package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.NoSuchPaddingException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;

/**
 * Reads the first private key of PEM text: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
 * or SEC1 ({@code EC PRIVATE KEY}), plain or encrypted. Encrypted PKCS#8 may use PBES2 with PBKDF2 or
 * scrypt. PKCS#1 and SEC1 may carry OpenSSL's {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info} headers.
 * Other blocks, such as the {@code EC PARAMETERS} block that OpenSSL writes first, are skipped.
 */
final class PemPrivateKey {

    private static final String ACCEPTED = "expected a PEM block -----BEGIN PRIVATE KEY-----, ENCRYPTED PRIVATE KEY, "
            + "RSA PRIVATE KEY or EC PRIVATE KEY";

    private PemPrivateKey() {
    }

    /** Returns the key of {@code source}, decrypted with {@code password} when it is encrypted. */
    static PrivateKeyInfo read(SourceText source, SealedPassword password, PasswordUse passwords)
            throws ServerException {
        Object item = firstKey(source);
        if (item instanceof PrivateKeyInfo info) {
            return info;
        }
        if (item instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        requirePassword(source, password);
        if (item instanceof PEMEncryptedKeyPair encrypted) {
            return passwords.with(password, clear -> decryptLegacy(source, encrypted, clear));
        }
        return passwords.with(password, clear -> decryptPkcs8(source, (PKCS8EncryptedPrivateKeyInfo) item, clear));
    }

    private static Object firstKey(SourceText source) throws ServerException {
        try (PEMParser parser = Pem.parser(source)) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo || item instanceof PEMKeyPair
                        || item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    return item;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw source.invalid("not readable as a PEM private key (" + e.getMessage() + "); " + ACCEPTED, e);
        }
        throw source.invalid("no private key found; " + ACCEPTED);
    }

    private static void requirePassword(SourceText source, SealedPassword password) throws ServerException {
        if (password.isEmpty()) {
            throw new ServerException("missing password: " + source + " is encrypted; pass the password that "
                    + "unlocks it");
        }
    }

    private static PrivateKeyInfo decryptLegacy(SourceText source, PEMEncryptedKeyPair encrypted, char[] password)
            throws ServerException {
        String algorithm = encrypted.getDekAlgName();
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.provider())
                    .build(password)).getPrivateKeyInfo();
        } catch (IOException | RuntimeException e) {
            // A wrong password shows as a padding error, or rarely as garbage that fails to parse as a key.
            throw wrongPassword(source, algorithm, e);
        }
    }

    private static PrivateKeyInfo decryptPkcs8(SourceText source, PKCS8EncryptedPrivateKeyInfo encrypted,
            char[] password) throws ServerException {
        ASN1ObjectIdentifier scheme = encrypted.getEncryptionAlgorithm().getAlgorithm();
        String algorithm = PKCSObjectIdentifiers.id_PBES2.equals(scheme) ? "PBES2" : scheme.getId();
        InputDecryptorProvider decryptor;
        try {
            // BouncyCastle's provider, because the JDK has no scrypt key derivation.
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.provider()).build(password);
        } catch (OperatorCreationException e) {
            throw source.invalid("cannot set up decryption (" + e.getMessage() + ")", e);
        }
        try {
            return encrypted.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException | RuntimeException e) {
            throw wrongPassword(source, algorithm, e);
        }
    }

    private static ServerException wrongPassword(SourceText source, String algorithm, Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof NoSuchAlgorithmException || t instanceof NoSuchPaddingException) {
                return source.invalid("its encryption " + algorithm + " is not supported (" + t.getMessage()
                        + "); encrypt it with AES-256-CBC, for example with openssl pkcs8 -topk8 -v2 aes-256-cbc",
                        cause);
            }
        }
        return new ServerException("invalid password: it does not decrypt " + source + " (encrypted with "
                + algorithm + "); pass the password the key was encrypted with", cause);
    }
}
