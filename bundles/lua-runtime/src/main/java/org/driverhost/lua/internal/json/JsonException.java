package org.driverhost.lua.internal.json;

/** Signals a value that cannot be encoded as JSON or a text that is not valid JSON; the message gives the position or the path. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    JsonException(String message) {
        super(message, null, false, false);
    }
}
