package org.driverhost.lua.internal.c4;

/** Signals a bad argument to a {@code C4} function; the message goes back to Lua as the second return value. */
final class ArgumentException extends Exception {

    private static final long serialVersionUID = 1L;

    ArgumentException(String message) {
        super(message, null, false, false);
    }
}
