package org.driverhost.lua.internal.deploy;

/** Signals that a {@code .c4z} package cannot be deployed. The message names what is wrong with it. */
public class PackageException extends Exception {

    private static final long serialVersionUID = 1L;

    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
