package org.driverhost.secrets;

/**
 * A secret could not be encrypted or decrypted. The message names the envelope, key file or
 * configuration property that failed and why, and never contains the secret itself.
 */
public class SecretException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names what failed, without the secret.
     *
     * @param message the reason, e.g. the configuration PID and property and what to do next
     */
    public SecretException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message that names what failed, without the secret, and its cause.
     *
     * @param message the reason, e.g. the key file and what to do next
     * @param cause the underlying failure, whose message must not contain the secret either
     */
    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
