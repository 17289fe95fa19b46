package org.driverhost.tls.internal.openssl;

import java.util.List;
import org.driverhost.tls.ServerException;

/** Translates an OpenSSL cipher string into JSSE cipher suite names, in OpenSSL's order. */
public final class CipherString {

    private CipherString() {
    }

    /**
     * Returns the JSSE suites for TLS 1.2 and older that {@code cipherList} selects among {@code supported},
     * or an empty list to keep the JVM's defaults.
     */
    public static List<String> resolve(String cipherList, List<String> supported) throws ServerException {
        // TODO: OpenSSL cipher string grammar.
        return List.of();
    }
}
