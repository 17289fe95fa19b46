package org.driverhost.secrets.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.Test;

class KeyRingCodecTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey key = MasterKey.generate(RANDOM);
    private final KeyRingCodec codec = codecWith(KeyRing.of(key));

    private static KeyRingCodec codecWith(KeyRing ring) {
        KeyRingCodec codec = new KeyRingCodec(RANDOM);
        codec.use(ring);
        return codec;
    }

    @Test
    void roundTripKeepsNonAsciiPlaintext() throws Exception {
        char[] plaintext = "pässwörd €1 \uD83D\uDD11".toCharArray();

        String envelope = codec.encrypt(plaintext);

        assertTrue(envelope.startsWith("{aes256gcm:v1:" + key.id() + "}"), envelope);
        assertArrayEquals(plaintext, codec.decrypt(envelope));
    }

    @Test
    void roundTripOfEmptyPlaintext() throws Exception {
        assertArrayEquals(new char[0], codec.decrypt(codec.encrypt(new char[0])));
    }

    @Test
    void encryptionLeavesCallerArrayIntact() throws Exception {
        char[] plaintext = "secret".toCharArray();

        codec.encrypt(plaintext);

        assertArrayEquals("secret".toCharArray(), plaintext);
    }

    @Test
    void sameplaintextGivesDifferentEnvelopes() throws Exception {
        assertNotEquals(codec.encrypt("secret".toCharArray()), codec.encrypt("secret".toCharArray()));
    }

    @Test
    void envelopeDoesNotContainPlaintext() throws Exception {
        String envelope = codec.encrypt("hunter2-plaintext".toCharArray());

        assertFalse(envelope.contains("hunter2"));
    }

    @Test
    void flippedCiphertextBitFailsAuthentication() throws Exception {
        String envelope = codec.encrypt("secret".toCharArray());
        int bodyStart = envelope.indexOf('}') + 1;
        byte[] payload = Base64.getDecoder().decode(envelope.substring(bodyStart));
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            String tampered = envelope.substring(0, bodyStart) + Base64.getEncoder().encodeToString(changed);

            SecretException e = assertThrows(SecretException.class, () -> codec.decrypt(tampered), "byte " + i);
            assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
        }
    }

    @Test
    void changedKeyIdInHeaderIsRejected() throws Exception {
        MasterKey other = MasterKey.generate(RANDOM);
        KeyRingCodec both = codecWith(KeyRing.of(key, other));
        String envelope = both.encrypt("secret".toCharArray());
        String relabelled = envelope.replace(key.id(), other.id());

        SecretException e = assertThrows(SecretException.class, () -> both.decrypt(relabelled));

        assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
    }

    @Test
    void wrongKeyNamesBothKeyIds() throws Exception {
        String envelope = codec.encrypt("secret".toCharArray());
        MasterKey other = MasterKey.generate(RANDOM);

        SecretException e = assertThrows(SecretException.class, () -> codecWith(KeyRing.of(other)).decrypt(envelope));

        assertTrue(e.getMessage().contains(key.id()), e.getMessage());
        assertTrue(e.getMessage().contains(other.id()), e.getMessage());
    }

    @Test
    void ringWithTwoKeysDecryptsBoth() throws Exception {
        MasterKey next = MasterKey.generate(RANDOM);
        String old = codec.encrypt("old".toCharArray());
        KeyRingCodec rotating = codecWith(KeyRing.of(next, key));

        String fresh = rotating.encrypt("new".toCharArray());

        assertEquals(next.id(), rotating.keyIdOf(fresh));
        assertArrayEquals("old".toCharArray(), rotating.decrypt(old));
        assertArrayEquals("new".toCharArray(), rotating.decrypt(fresh));
    }

    @Test
    void unavailableCodecNeverPassesPlaintextThrough() {
        KeyRingCodec unavailable = new KeyRingCodec(RANDOM);
        unavailable.makeUnavailable("master key file /k is corrupted");

        SecretException encrypt = assertThrows(SecretException.class, () -> unavailable.encrypt("secret".toCharArray()));
        SecretException decrypt = assertThrows(SecretException.class, () -> unavailable.decrypt(codec.encrypt("x".toCharArray())));

        assertTrue(encrypt.getMessage().contains("/k is corrupted"), encrypt.getMessage());
        assertTrue(decrypt.getMessage().contains("/k is corrupted"), decrypt.getMessage());
    }

    @Test
    void plaintextIsNotAnEnvelope() {
        SecretException e = assertThrows(SecretException.class, () -> codec.decrypt("hunter2"));

        assertFalse(codec.isEncrypted("hunter2"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void unpairedSurrogateIsRejected() {
        assertThrows(SecretException.class, () -> codec.encrypt(new char[] {'a', '\uD800'}));
    }

    @Test
    void toStringShowsKeyIdOnly() {
        assertEquals("KeyRingCodec[KeyRing[encrypts with " + key.id() + ", decrypts [" + key.id() + "]]]", codec.toString());
    }
}
