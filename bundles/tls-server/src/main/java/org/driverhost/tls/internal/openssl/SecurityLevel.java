package org.driverhost.tls.internal.openssl;

import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.AU_NULL;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_DHE;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_DHEPSK;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_ECDHE;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_ECDHEPSK;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.MAC_MD5;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.MAC_SHA1;

/**
 * OpenSSL 3.0's security levels as they apply to TLS 1.2-and-older cipher suites (the cipher checks of
 * {@code ssl_security_default_callback}). OpenSSL keeps such suites in the configured list but never
 * negotiates them, so a server that follows OpenSSL leaves them out.
 */
final class SecurityLevel {

    /** Minimum strength bits of levels 1 to 5. */
    private static final int[] MIN_BITS = {80, 112, 128, 192, 256};

    private static final int FORWARD_SECRET = KX_DHE | KX_ECDHE | KX_DHEPSK | KX_ECDHEPSK;

    private SecurityLevel() {
    }

    /**
     * Returns whether OpenSSL negotiates {@code suite} at {@code level}: level 0 allows every suite; level 1
     * and up reject suites under 80, 112, 128, 192 or 256 bits, anonymous suites and MD5; level 4 and up
     * reject SHA-1; level 3 and up accept only forward-secret key exchange.
     */
    static boolean allows(OpenSslSuite suite, int level) {
        if (level <= 0) {
            return true;
        }
        int minBits = MIN_BITS[Math.min(level, MIN_BITS.length) - 1];
        if (suite.strengthBits() < minBits) {
            return false;
        }
        if ((suite.authentication() & AU_NULL) != 0 || (suite.mac() & MAC_MD5) != 0) {
            return false;
        }
        // HMAC-SHA1 counts as 160 bits.
        if (minBits > 160 && (suite.mac() & MAC_SHA1) != 0) {
            return false;
        }
        return level < 3 || (suite.keyExchange() & FORWARD_SECRET) != 0;
    }
}
