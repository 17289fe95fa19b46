package org.driverhost.secrets.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.driverhost.secrets.SecretException;

/**
 * The text form of an encrypted value: {@code {aes256gcm:v1:<key id>}<base64 of iv|ciphertext|tag>}.
 * Parsing checks the header, the key id and the Base64 and the minimum length, not the authentication tag.
 */
public final class Envelope {

    /** Start of every envelope of this format; {@link #isEnvelope} looks only at this. */
    public static final String PREFIX = "{aes256gcm:v1:";

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{12}");
    private static final int MIN_PAYLOAD_BYTES = AesGcm.IV_BYTES + AesGcm.TAG_BYTES;

    private final String keyId;
    private final byte[] payload;

    private Envelope(String keyId, byte[] payload) {
        this.keyId = keyId;
        this.payload = payload;
    }

    /** Creates an envelope from a key id and the bytes {@code iv|ciphertext|tag}. */
    public static Envelope of(String keyId, byte[] payload) {
        checkKeyId(keyId);
        return new Envelope(keyId, payload.clone());
    }

    /** Returns whether {@code value} starts like an envelope, whatever follows. */
    public static boolean isEnvelope(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Parses an envelope; the message of the exception describes the defect, never the value. */
    public static Envelope parse(String value) throws SecretException {
        if (value == null) {
            throw new SecretException("invalid envelope: the value is missing (null)");
        }
        if (!isEnvelope(value)) {
            throw new SecretException("invalid envelope: the value does not start with " + PREFIX
                    + " so it is not an encrypted value");
        }
        int close = value.indexOf('}', PREFIX.length());
        if (close < 0) {
            throw new SecretException("invalid envelope: the header " + PREFIX + "<key id>} has no closing '}'");
        }
        String keyId = value.substring(PREFIX.length(), close);
        if (!KEY_ID.matcher(keyId).matches()) {
            // The text is not echoed: a plaintext that merely starts like an envelope must not reach a log.
            throw new SecretException("invalid envelope: the key id has " + keyId.length()
                    + " characters, expected 12 lowercase hex digits");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(value.substring(close + 1));
        } catch (IllegalArgumentException e) {
            throw new SecretException("invalid envelope with key id " + keyId + ": the body is not valid Base64");
        }
        if (payload.length < MIN_PAYLOAD_BYTES) {
            throw new SecretException("invalid envelope with key id " + keyId + ": the body has " + payload.length
                    + " bytes, fewer than the " + MIN_PAYLOAD_BYTES + " of IV and authentication tag");
        }
        return new Envelope(keyId, payload);
    }

    /** Returns the id of the master key that made this envelope. */
    public String keyId() {
        return keyId;
    }

    /** Returns a copy of {@code iv|ciphertext|tag}. */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the header bytes, which AES-GCM authenticates as associated data so that the key id cannot be
     * changed without the tag check failing.
     */
    byte[] associatedData() {
        return header(keyId).getBytes(StandardCharsets.US_ASCII);
    }

    /** Returns the text form. */
    public String format() {
        return header(keyId) + Base64.getEncoder().encodeToString(payload);
    }

    /** Returns the header of an envelope made with that key, e.g. {@code {aes256gcm:v1:0123456789ab}}. */
    static String header(String keyId) {
        return PREFIX + keyId + "}";
    }

    static void checkKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("invalid key id '" + keyId + "': expected 12 lowercase hex digits");
        }
    }

    /** Names the key id only: the ciphertext is not secret, but it is noise in logs. */
    @Override
    public String toString() {
        return "Envelope[keyId=" + keyId + ", " + payload.length + " bytes]";
    }
}
