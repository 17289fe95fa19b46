package org.driverhost.lua.internal.persist;

/** A persisted value could not be encoded, decoded, encrypted or written; the message is meant for the driver. */
public final class PersistException extends Exception {

    private static final long serialVersionUID = 1L;

    public PersistException(String message) {
        super(message);
    }

    public PersistException(String message, Throwable cause) {
        super(message, cause);
    }
}
