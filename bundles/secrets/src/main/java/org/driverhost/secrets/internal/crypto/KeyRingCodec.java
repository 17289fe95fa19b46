package org.driverhost.secrets.internal.crypto;

import java.nio.charset.CharacterCodingException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;

/**
 * The codec over a {@link KeyRing} that can be swapped at run time (rotation), or that is unavailable with a
 * reason when the master key file is missing or corrupted: then every method that needs a key throws that
 * reason, and nothing is ever passed through in plaintext.
 */
public final class KeyRingCodec implements SecretCodec {

    private final AesGcm aesGcm;
    private volatile KeyRing ring;
    private volatile String unavailableReason = "the master key is not loaded yet";

    public KeyRingCodec(SecureRandom random) {
        this.aesGcm = new AesGcm(random);
    }

    /** Uses these keys from now on. */
    public void use(KeyRing keys) {
        this.ring = keys;
        this.unavailableReason = null;
    }

    /** Makes every call that needs a key fail with this reason, e.g. the key file is corrupted. */
    public void makeUnavailable(String reason) {
        this.ring = null;
        this.unavailableReason = reason;
    }

    /** Returns the keys in use, or throws why there are none. */
    public KeyRing keyRing() throws SecretException {
        KeyRing keys = ring;
        if (keys == null) {
            throw new SecretException("the master key is unavailable: " + unavailableReason);
        }
        return keys;
    }

    /** Returns whether a key with that id is loaded. */
    public boolean hasKey(String keyId) {
        KeyRing keys = ring;
        return keys != null && keys.find(keyId).isPresent();
    }

    @Override
    public String encrypt(char[] plaintext) throws SecretException {
        MasterKey key = keyRing().encryptionKey();
        byte[] bytes;
        try {
            bytes = Utf8.encode(plaintext);
        } catch (CharacterCodingException e) {
            throw new SecretException("cannot encrypt: the secret contains an unpaired UTF-16 surrogate");
        }
        try {
            return aesGcm.encrypt(key, bytes).format();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean isEncrypted(String value) {
        return Envelope.isEnvelope(value);
    }

    @Override
    public char[] decrypt(String envelope) throws SecretException {
        Envelope parsed = Envelope.parse(envelope);
        KeyRing keys = keyRing();
        MasterKey key = keys.find(parsed.keyId()).orElseThrow(() -> new SecretException("cannot decrypt an envelope"
                + " with key id " + parsed.keyId() + ": the loaded master key has id " + keys.encryptionKey().id()
                + ", so the value was encrypted with a key that was replaced or lost; enter the secret again"));

        byte[] bytes = aesGcm.decrypt(key, parsed);
        try {
            return Utf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new SecretException("envelope with key id " + parsed.keyId() + " decrypted to invalid UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String currentKeyId() throws SecretException {
        return keyRing().encryptionKey().id();
    }

    @Override
    public String keyIdOf(String envelope) throws SecretException {
        return Envelope.parse(envelope).keyId();
    }

    @Override
    public String toString() {
        KeyRing keys = ring;
        return keys == null ? "KeyRingCodec[unavailable]" : "KeyRingCodec[" + keys + "]";
    }
}
