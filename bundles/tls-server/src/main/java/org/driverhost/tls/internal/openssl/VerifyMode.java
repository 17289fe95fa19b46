package org.driverhost.tls.internal.openssl;

import io.netty.handler.ssl.ClientAuth;
import org.driverhost.tls.ServerException;

/** Translates OpenSSL {@code SSL_VERIFY_*} bits into Netty's client authentication modes. */
public final class VerifyMode {

    private VerifyMode() {
    }

    /** Returns the client authentication that {@code verifyMode} asks for. */
    public static ClientAuth clientAuth(long verifyMode) throws ServerException {
        // TODO: full validation of combinations.
        long effective = verifyMode == 0 ? 0x0A : verifyMode;
        if ((effective & 0x02) == 0) {
            return ClientAuth.NONE;
        }
        return (effective & 0x04) != 0 ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    }
}
