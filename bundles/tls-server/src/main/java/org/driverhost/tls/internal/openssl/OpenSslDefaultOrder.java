package org.driverhost.tls.internal.openssl;

import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.AU_ECDSA;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.AU_NULL;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.ENC_AES;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.ENC_AESGCM;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.ENC_CHACHA20POLY1305;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.ENC_RC4;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_DHE;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_ECDHE;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_PSK;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.KX_RSA;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.MAC_AEAD;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.MAC_MD5;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.TLS1_2_VERSION;

import java.util.List;
import java.util.function.Predicate;

/**
 * The order in which OpenSSL 3.0 lists suites before a cipher string edits them. OpenSSL builds it in
 * {@code ssl_create_cipher_list} with a fixed series of rules, and this class replays that series. Ephemeral
 * key exchange with AEAD comes first, then other ephemeral key exchange, then other AEAD, then the rest.
 * Within each group, TLS 1.2 suites come first, then stronger ones. Ties go to ECDHE before DHE, ECDSA before
 * RSA, AES-GCM before ChaCha20 before other AES, and put kRSA, PSK, anonymous and MD5 suites last.
 */
final class OpenSslDefaultOrder {

    private static final List<OpenSslSuite> SUITES = build(OpenSslSuiteTable.suites());

    private OpenSslDefaultOrder() {
    }

    /** Returns every suite of the table in OpenSSL's starting order. */
    static List<OpenSslSuite> suites() {
        return SUITES;
    }

    /**
     * Replays OpenSSL's rules on {@code suites}. Each rule is a stable reordering, so the input order decides
     * only between suites that all rules treat alike; for OpenSSL that is its internal table order, which the
     * order of {@code openssl ciphers -v ALL:COMPLEMENTOFALL} preserves.
     */
    static List<OpenSslSuite> build(List<OpenSslSuite> suites) {
        CipherOrder order = new CipherOrder(suites);

        order.add(keyExchange(KX_ECDHE).and(suite -> (suite.authentication() & AU_ECDSA) != 0));
        order.add(keyExchange(KX_ECDHE));
        order.delete(keyExchange(KX_ECDHE));

        order.add(encryption(ENC_AESGCM));
        order.add(encryption(ENC_CHACHA20POLY1305));
        order.add(encryption(ENC_AES & ~ENC_AESGCM));
        order.add(suite -> true);

        order.moveToEnd(suite -> (suite.mac() & MAC_MD5) != 0);
        order.moveToEnd(suite -> (suite.authentication() & AU_NULL) != 0);
        order.moveToEnd(keyExchange(KX_RSA));
        order.moveToEnd(keyExchange(KX_PSK));
        order.moveToEnd(encryption(ENC_RC4));

        order.sortByStrength();

        // Bumped to the front in reverse order of preference.
        order.bump(suite -> suite.minProtocol() == TLS1_2_VERSION);
        order.bump(suite -> (suite.mac() & MAC_AEAD) != 0);
        order.bump(keyExchange(KX_DHE | KX_ECDHE));
        order.bump(keyExchange(KX_DHE | KX_ECDHE).and(suite -> (suite.mac() & MAC_AEAD) != 0));

        order.delete(suite -> true);
        return List.copyOf(order.all());
    }

    private static Predicate<OpenSslSuite> keyExchange(int bits) {
        return suite -> (suite.keyExchange() & bits) != 0;
    }

    private static Predicate<OpenSslSuite> encryption(int bits) {
        return suite -> (suite.encryption() & bits) != 0;
    }
}
