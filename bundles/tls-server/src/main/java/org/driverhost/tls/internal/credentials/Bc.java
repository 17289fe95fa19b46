package org.driverhost.tls.internal.credentials;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider, used by instance only. It is never added to the JVM's provider list, so other
 * bundles and JSSE keep the JDK's providers.
 */
final class Bc {

    private Bc() {
    }

    static Provider provider() {
        return Holder.PROVIDER;
    }

    /** Creates the provider on first use, because building its algorithm table takes a moment. */
    private static final class Holder {
        private static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
