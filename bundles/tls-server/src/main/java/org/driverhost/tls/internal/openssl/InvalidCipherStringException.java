package org.driverhost.tls.internal.openssl;

/** Signals a cipher string that OpenSSL 3.0 rejects as malformed, before it selects any suite. */
final class InvalidCipherStringException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a {@code reason} that states what is wrong without repeating the string. */
    InvalidCipherStringException(String reason) {
        super(reason);
    }
}
