package org.driverhost.tls;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A password kept encrypted in memory with AES-GCM under a key made when this class loads, so that a heap
 * dump does not show it in clear. {@link #open()} decrypts it into a {@code char[]} that the caller zeroes
 * as soon as the key material is loaded. No {@code String} copy is ever made.
 */
public final class SealedPassword {

    /** The password of length zero: no password was given. */
    public static final SealedPassword EMPTY = new SealedPassword(new byte[0], new byte[0]);

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecretKey MEMORY_KEY = newMemoryKey();

    private final byte[] iv;
    private final byte[] ciphertext;

    private SealedPassword(byte[] iv, byte[] ciphertext) {
        this.iv = iv;
        this.ciphertext = ciphertext;
    }

    /** Encrypts the UTF-8 bytes of a password. The caller still owns and should zero {@code password}. */
    public static SealedPassword seal(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] plain = new byte[encoded.remaining()];
        encoded.get(plain);
        wipe(encoded);
        try {
            return seal(plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Encrypts a password given as UTF-8 bytes. The caller still owns and should zero {@code password}. */
    public static SealedPassword seal(byte[] password) {
        if (password.length == 0) {
            return EMPTY;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, MEMORY_KEY, new GCMParameterSpec(TAG_BITS, iv));
            return new SealedPassword(iv, cipher.doFinal(password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Returns whether no password was given. */
    public boolean isEmpty() {
        return ciphertext.length == 0;
    }

    /**
     * Decrypts the password. The caller must zero the returned array with {@code Arrays.fill} right after
     * use, in a {@code finally} block.
     */
    public char[] open() {
        if (isEmpty()) {
            return new char[0];
        }
        byte[] plain = decrypt();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
        Arrays.fill(plain, (byte) 0);
        char[] password = new char[decoded.remaining()];
        decoded.get(password);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        return password;
    }

    private byte[] decrypt() {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, MEMORY_KEY, new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed password could not be decrypted", e);
        }
    }

    private static void wipe(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    private static SecretKey newMemoryKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key generation is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return isEmpty() ? "SealedPassword[empty]" : "SealedPassword[****]";
    }
}
