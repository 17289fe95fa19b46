package org.driverhost.secrets.internal.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 master key and its id. The id is the first 6 bytes of SHA-256 over a fixed label and the key,
 * in hex: short enough for an envelope header, and it distinguishes keys without revealing them.
 */
public final class MasterKey {

    /** Key length of AES-256. */
    public static final int KEY_BYTES = 32;

    private static final byte[] ID_LABEL = "driverhost master key id\0".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_BYTES = 6;

    private final String id;
    private final SecretKey secretKey;

    private MasterKey(String id, SecretKey secretKey) {
        this.id = id;
        this.secretKey = secretKey;
    }

    /** Makes a new random key. */
    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        try {
            return fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Wraps 32 key bytes; the caller still zeroes {@code bytes}. */
    public static MasterKey fromBytes(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("invalid AES-256 key length " + bytes.length + ": expected " + KEY_BYTES + " bytes");
        }
        return new MasterKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    /** Returns the key id that envelopes made with this key carry. */
    public String id() {
        return id;
    }

    /** Returns the JCA key. */
    public SecretKey secretKey() {
        return secretKey;
    }

    /** Returns a copy of the raw key bytes, for writing the key file; the caller zeroes it. */
    byte[] encoded() {
        return secretKey.getEncoded();
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(key);
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
