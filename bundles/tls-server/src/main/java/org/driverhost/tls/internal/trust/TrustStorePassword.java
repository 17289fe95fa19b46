package org.driverhost.tls.internal.trust;

import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.tls.ServerException;

/**
 * Opens the {@code trustStorePassword} setting. Config Admin stores it encrypted (its metatype types it as a
 * password), so it is decrypted here, only when a trust store is actually loaded.
 */
public final class TrustStorePassword {

    private static final String ENVELOPE_START = "{aes256gcm:";

    private TrustStorePassword() {
    }

    /**
     * Returns the password as a new array that the caller zeroes after use.
     *
     * @param codec the secret storage, or null when it is not running
     * @throws ServerException when the value is encrypted and cannot be decrypted
     */
    public static char[] open(String value, SecretCodec codec) throws ServerException {
        if (value == null || value.isEmpty()) {
            return new char[0];
        }
        if (codec != null && codec.isEncrypted(value)) {
            try {
                return codec.decrypt(value);
            } catch (SecretException e) {
                throw new ServerException("invalid trustStorePassword: it cannot be decrypted (" + e.getMessage()
                        + "); set it again in org.driverhost.tls", e);
            }
        }
        if (value.startsWith(ENVELOPE_START)) {
            throw new ServerException("invalid trustStorePassword: it is encrypted but the secret storage is not "
                    + "running; start the driverhost-secrets feature");
        }
        return value.toCharArray();
    }
}
