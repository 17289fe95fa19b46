package org.driverhost.secrets;

/**
 * A store of envelopes outside Config Admin, registered as a whiteboard service so that
 * {@code driverhost:rotate-key} re-encrypts its values too, e.g. a driver's persisted values written with
 * {@code encrypted = true}.
 *
 * <p>Rotation calls {@link #reencrypt(SecretCodec)} while both the old and the new master key are
 * available, and retires the old key only after every store has returned without an exception.
 */
public interface SecretStore {

    /**
     * Returns a name for this store in the rotation report and in logs, e.g. {@code driver tls-echo}.
     */
    String name();

    /**
     * Replaces every envelope that this store contains with a new envelope of the same plaintext under the
     * current key of {@code codec}: decrypt, encrypt, write, zero the plaintext. Envelopes that already
     * carry the current key id may be left as they are. The new values must be written durably before this
     * method returns, because the old key is deleted afterwards.
     *
     * @param codec the codec, which decrypts with the old and the new key and encrypts with the new one
     * @return how many values were re-encrypted
     * @throws SecretException if a value could not be re-encrypted; the rotation then keeps the old key
     */
    int reencrypt(SecretCodec codec) throws SecretException;
}
