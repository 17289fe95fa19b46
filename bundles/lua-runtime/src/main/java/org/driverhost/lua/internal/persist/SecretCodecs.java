package org.driverhost.lua.internal.persist;

import java.util.concurrent.atomic.AtomicReference;
import org.driverhost.secrets.SecretCodec;

/**
 * The secrets codec for code that runs outside DS components (drivers' {@code C4} functions), set by
 * {@link PersistSecretStore} while the secrets service is running.
 */
public final class SecretCodecs {

    private static final AtomicReference<SecretCodec> CURRENT = new AtomicReference<>();

    private SecretCodecs() {
    }

    /** Returns the codec, or null while the secrets service is not running. */
    public static SecretCodec current() {
        return CURRENT.get();
    }

    static void set(SecretCodec codec) {
        CURRENT.set(codec);
    }

    static void clear(SecretCodec codec) {
        CURRENT.compareAndSet(codec, null);
    }
}
