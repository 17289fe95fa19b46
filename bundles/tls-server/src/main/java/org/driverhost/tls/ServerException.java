package org.driverhost.tls;

/**
 * Signals that a server could not be started. The message is written for a driver's author: it names the
 * parameter and value at fault (never a password) and says what is accepted.
 */
public class ServerException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
