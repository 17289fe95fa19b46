package org.driverhost.tls.internal.credentials;

import java.util.Arrays;
import java.util.function.Function;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;

/**
 * Lends a sealed password to one decryption step as a {@code char[]} and zeroes that array when the step
 * ends, however it ends. Every place that needs the clear password goes through here, so no other copy of
 * it is made by this package.
 */
final class PasswordUse {

    /** A step that needs the clear password; it must not keep the array or copy it into a String. */
    @FunctionalInterface
    interface Step<T> {
        T apply(char[] password) throws ServerException;
    }

    private final Function<SealedPassword, char[]> opener;

    /** Creates a lender that decrypts with {@code opener}; production code passes {@code SealedPassword::open}. */
    PasswordUse(Function<SealedPassword, char[]> opener) {
        this.opener = opener;
    }

    <T> T with(SealedPassword password, Step<T> step) throws ServerException {
        char[] clear = opener.apply(password);
        try {
            return step.apply(clear);
        } finally {
            Arrays.fill(clear, '\0');
        }
    }
}
