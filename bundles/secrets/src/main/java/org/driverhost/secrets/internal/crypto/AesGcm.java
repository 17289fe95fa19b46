package org.driverhost.secrets.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.key.MasterKey;

/** AES-256-GCM through JCA, with a fresh random 12-byte IV for each encryption. */
public final class AesGcm {

    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    public AesGcm(SecureRandom random) {
        this.random = random;
    }

    /** Encrypts UTF-8 plaintext bytes into an envelope; the caller still zeroes {@code plaintext}. */
    public Envelope encrypt(MasterKey key, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] associatedData = Envelope.header(key.id()).getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BYTES * 8, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return Envelope.of(key.id(), payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts an envelope into UTF-8 bytes that the caller zeroes.
     *
     * @throws SecretException if the tag check fails: the envelope was changed or made with another key
     */
    public byte[] decrypt(MasterKey key, Envelope envelope) throws SecretException {
        byte[] payload = envelope.payload();
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BYTES * 8, payload, 0, IV_BYTES));
            cipher.updateAAD(envelope.associatedData());
            return cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretException("envelope with key id " + envelope.keyId()
                    + " failed authentication: it was changed or truncated, or the key file holds another key"
                    + " with the same id");
        } catch (GeneralSecurityException e) {
            throw new SecretException("AES-256-GCM decryption of an envelope with key id " + envelope.keyId()
                    + " failed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }
}
