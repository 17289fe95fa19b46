package org.driverhost.lua.internal.declared;

/** A declared server's configuration has a missing or invalid value; the message names the key and value. */
final class InvalidSpecException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidSpecException(String message) {
        super(message);
    }
}
