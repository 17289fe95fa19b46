package org.driverhost.secrets;

/**
 * Encrypts secrets into text envelopes that can be stored in Config Admin or in files, and decrypts them.
 *
 * <p>An envelope reads {@code {aes256gcm:v1:<key id>}<base64>}, where the Base64 part is the 12-byte IV,
 * the AES-256-GCM ciphertext of the UTF-8 plaintext and the 16-byte authentication tag, in that order. The
 * key id is a short hash of the master key that encrypted it, so that envelopes made before a key rotation
 * can be distinguished from those made after. The header is authenticated too: changing the key id or any byte of
 * the Base64 part makes decryption fail.
 *
 * <p>Plaintext is only ever handled as {@code char[]}; no implementation builds a {@code String} of it, and
 * no method of this service writes a plaintext into a log, an exception message or {@code toString}.
 * Nothing falls back to plaintext: a value that is not a valid envelope is rejected, never passed through.
 */
public interface SecretCodec {

    /**
     * Encrypts a secret with the current master key.
     *
     * @param plaintext the secret; this method does not keep or change it, so the caller still zeroes it
     * @return a new envelope; two calls with the same plaintext return different envelopes (fresh IV)
     * @throws SecretException if the master key is unavailable (missing or corrupted key file)
     */
    String encrypt(char[] plaintext) throws SecretException;

    /**
     * Returns whether a value has the form of an envelope. This checks the header only: an envelope with a
     * damaged body or an unknown key still counts, so that it is reported rather than encrypted again.
     *
     * @param value a stored value, or {@code null}
     * @return {@code true} if {@code value} starts with an envelope header of a supported format
     */
    boolean isEncrypted(String value);

    /**
     * Decrypts an envelope into a new array that the caller owns and must zero with
     * {@code Arrays.fill(chars, '\0')} right after use, in a {@code finally} block.
     *
     * @param envelope an envelope made by {@link #encrypt(char[])}
     * @return the plaintext
     * @throws SecretException if {@code envelope} is not a well-formed envelope, was made with a key that is
     *     not available, or fails authentication (changed or truncated)
     */
    char[] decrypt(String envelope) throws SecretException;

    /**
     * Returns the id of the master key that {@link #encrypt(char[])} uses now.
     *
     * @throws SecretException if the master key is unavailable
     */
    String currentKeyId() throws SecretException;

    /**
     * Returns the key id written in an envelope's header, without decrypting it.
     *
     * @param envelope a value for which {@link #isEncrypted(String)} returns {@code true}
     * @throws SecretException if {@code envelope} has no valid header
     */
    String keyIdOf(String envelope) throws SecretException;
}
