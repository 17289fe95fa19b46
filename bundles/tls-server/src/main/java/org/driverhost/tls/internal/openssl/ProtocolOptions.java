package org.driverhost.tls.internal.openssl;

import java.util.ArrayList;
import java.util.List;
import org.driverhost.tls.ServerException;

/** Translates OpenSSL {@code SSL_OP_NO_*} option bits into JSSE protocol names. */
public final class ProtocolOptions {

    private ProtocolOptions() {
    }

    /** Returns the protocols left on by {@code options}, newest first. */
    public static List<String> protocols(long options) throws ServerException {
        // TODO: full bit table, TLS 1.0/1.1, JVM policy warnings.
        long effective = options == 0 ? 0x3D : options;
        List<String> protocols = new ArrayList<>();
        if ((effective & 0x80) == 0) {
            protocols.add("TLSv1.3");
        }
        if ((effective & 0x40) == 0) {
            protocols.add("TLSv1.2");
        }
        if (protocols.isEmpty()) {
            throw new ServerException(String.format("invalid options 0x%X: no protocol is left enabled", options));
        }
        return protocols;
    }
}
