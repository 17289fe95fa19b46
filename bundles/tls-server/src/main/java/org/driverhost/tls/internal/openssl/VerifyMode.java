package org.driverhost.tls.internal.openssl;

import io.netty.handler.ssl.ClientAuth;
import org.driverhost.tls.ServerException;

/**
 * Translates the {@code SSL_VERIFY_*} bits of {@code C4:CreateTLSServer} into Netty's client authentication
 * modes: 0x01 none, 0x02 peer, 0x04 fail if no peer certificate, 0x08 client once, and 0 for the default
 * 0x0A (peer and client once).
 *
 * <p>SSL_VERIFY_CLIENT_ONCE has no JSSE setting and needs none in practice. JSSE has no API to request a
 * certificate after the handshake, and Netty's {@code SslHandler} starts no renegotiation.
 * NOTE: a TLS 1.2 client that starts a renegotiation itself is sent a certificate request again.
 */
public final class VerifyMode {

    /** The value that {@code verifyMode} 0 stands for. */
    public static final long DEFAULT_VERIFY_MODE = 0x0A;

    private static final long NONE = 0x01;
    private static final long PEER = 0x02;
    private static final long FAIL_IF_NO_PEER_CERT = 0x04;
    private static final long CLIENT_ONCE = 0x08;
    private static final long ACCEPTED_BITS = 0x0F;

    private VerifyMode() {
    }

    /**
     * Returns the client authentication that {@code verifyMode} requests: {@link ClientAuth#NONE} for
     * SSL_VERIFY_NONE, {@link ClientAuth#OPTIONAL} for SSL_VERIFY_PEER (a client certificate is requested,
     * and one that fails verification ends the handshake), {@link ClientAuth#REQUIRE} when
     * SSL_VERIFY_FAIL_IF_NO_PEER_CERT is added.
     *
     * @throws ServerException for bits above 0x0F and for combinations that contradict each other or that
     *     OpenSSL documents as meaningless without SSL_VERIFY_PEER
     */
    public static ClientAuth clientAuth(long verifyMode) throws ServerException {
        long effective = verifyMode == 0 ? DEFAULT_VERIFY_MODE : verifyMode;
        checkBits(verifyMode, effective);

        if ((effective & PEER) == 0) {
            return ClientAuth.NONE;
        }
        return (effective & FAIL_IF_NO_PEER_CERT) != 0 ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
    }

    private static void checkBits(long verifyMode, long effective) throws ServerException {
        if ((effective & ~ACCEPTED_BITS) != 0) {
            throw invalid(verifyMode, "only the bits 0x01 SSL_VERIFY_NONE, 0x02 SSL_VERIFY_PEER, "
                    + "0x04 SSL_VERIFY_FAIL_IF_NO_PEER_CERT and 0x08 SSL_VERIFY_CLIENT_ONCE are accepted, "
                    + "or 0 for the default 0x0A");
        }
        if ((effective & NONE) != 0 && (effective & PEER) != 0) {
            throw invalid(verifyMode, "SSL_VERIFY_NONE (0x01) contradicts SSL_VERIFY_PEER (0x02); set only one of them");
        }
        if ((effective & FAIL_IF_NO_PEER_CERT) != 0 && (effective & PEER) == 0) {
            throw invalid(verifyMode, "SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)");
        }
        if ((effective & CLIENT_ONCE) != 0 && (effective & PEER) == 0) {
            throw invalid(verifyMode, "SSL_VERIFY_CLIENT_ONCE (0x08) requires SSL_VERIFY_PEER (0x02)");
        }
    }

    private static ServerException invalid(long verifyMode, String reason) {
        return new ServerException(String.format("invalid verifyMode 0x%02X: %s", verifyMode, reason));
    }
}
