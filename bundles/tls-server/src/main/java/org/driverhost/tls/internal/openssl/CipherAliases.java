package org.driverhost.tls.internal.openssl;

import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.*;

import java.util.HashMap;
import java.util.Map;

/**
 * The group names of OpenSSL 3.0's cipher strings ({@code cipher_aliases} in {@code ssl/ssl_ciph.c}). Names
 * are case-sensitive. DEFAULT is no alias: OpenSSL expands it only at the start of a string. The aliases of
 * algorithms that OpenSSL 3.0.19 does not offer here (GOST, RC4, 3DES, SEED, IDEA ...) select no suite.
 */
final class CipherAliases {

    private static final Map<String, CipherSelector> ALIASES = build();

    private CipherAliases() {
    }

    /** Returns the selector of the alias {@code name}, or null if OpenSSL has no such alias. */
    static CipherSelector lookup(String name) {
        return ALIASES.get(name);
    }

    private static Map<String, CipherSelector> build() {
        Map<String, CipherSelector> aliases = new HashMap<>();

        encryption(aliases, ENC_ALL & ~ENC_NULL, "ALL");
        encryption(aliases, ENC_NULL, "COMPLEMENTOFALL");
        aliases.put("COMPLEMENTOFDEFAULT", CipherSelector.alias(0, 0, 0, 0, 0, NOT_DEFAULT));

        keyExchange(aliases, KX_RSA, "kRSA");
        keyExchange(aliases, KX_DHE, "kEDH", "kDHE", "DH");
        keyExchange(aliases, KX_ECDHE, "kEECDH", "kECDHE", "ECDH");
        keyExchange(aliases, KX_PSK, "kPSK");
        keyExchange(aliases, KX_RSAPSK, "kRSAPSK");
        keyExchange(aliases, KX_ECDHEPSK, "kECDHEPSK");
        keyExchange(aliases, KX_DHEPSK, "kDHEPSK");
        keyExchange(aliases, KX_SRP, "kSRP", "SRP");
        keyExchange(aliases, KX_GOST, "kGOST");
        keyExchange(aliases, KX_GOST18, "kGOST18");
        keyExchange(aliases, KX_ANY_PSK, "PSK");

        authentication(aliases, AU_RSA, "aRSA");
        authentication(aliases, AU_DSS, "aDSS", "DSS");
        authentication(aliases, AU_NULL, "aNULL");
        authentication(aliases, AU_ECDSA, "aECDSA", "ECDSA");
        authentication(aliases, AU_PSK, "aPSK");
        authentication(aliases, AU_GOST01, "aGOST01");
        authentication(aliases, AU_GOST12, "aGOST12");
        authentication(aliases, AU_GOST01 | AU_GOST12, "aGOST");
        authentication(aliases, AU_SRP, "aSRP");

        // Ephemeral key exchange with authentication: the anonymous suites are ADH and AECDH.
        keyExchangeAndAuthentication(aliases, KX_DHE, AU_ALL & ~AU_NULL, "EDH", "DHE");
        keyExchangeAndAuthentication(aliases, KX_ECDHE, AU_ALL & ~AU_NULL, "EECDH", "ECDHE");
        keyExchangeAndAuthentication(aliases, KX_RSA, AU_RSA, "RSA");
        keyExchangeAndAuthentication(aliases, KX_DHE, AU_NULL, "ADH");
        keyExchangeAndAuthentication(aliases, KX_ECDHE, AU_NULL, "AECDH");

        encryption(aliases, ENC_NULL, "NULL", "eNULL");
        encryption(aliases, ENC_3DES, "3DES");
        encryption(aliases, ENC_RC4, "RC4");
        encryption(aliases, ENC_RC2, "RC2");
        encryption(aliases, ENC_IDEA, "IDEA");
        encryption(aliases, ENC_SEED, "SEED");
        encryption(aliases, ENC_GOST89 | ENC_GOST8912 | ENC_MAGMA | ENC_KUZNYECHIK, "GOST");
        encryption(aliases, ENC_AES128 | ENC_AES128GCM | ENC_AES128CCM | ENC_AES128CCM8, "AES128");
        encryption(aliases, ENC_AES256 | ENC_AES256GCM | ENC_AES256CCM | ENC_AES256CCM8, "AES256");
        encryption(aliases, ENC_AES, "AES");
        encryption(aliases, ENC_AESGCM, "AESGCM");
        encryption(aliases, ENC_AES128CCM | ENC_AES256CCM | ENC_AES128CCM8 | ENC_AES256CCM8, "AESCCM");
        encryption(aliases, ENC_AES128CCM8 | ENC_AES256CCM8, "AESCCM8");
        encryption(aliases, ENC_CAMELLIA128, "CAMELLIA128");
        encryption(aliases, ENC_CAMELLIA256, "CAMELLIA256");
        encryption(aliases, ENC_CAMELLIA, "CAMELLIA");
        encryption(aliases, ENC_CHACHA20POLY1305, "CHACHA20");
        encryption(aliases, ENC_GOST8912, "GOST2012-GOST8912-GOST8912");
        encryption(aliases, ENC_ARIA, "ARIA", "ARIAGCM");
        encryption(aliases, ENC_ARIA128GCM, "ARIA128");
        encryption(aliases, ENC_ARIA256GCM, "ARIA256");
        encryption(aliases, ENC_CBC, "CBC");

        mac(aliases, MAC_MD5, "MD5");
        mac(aliases, MAC_SHA1, "SHA1", "SHA");
        mac(aliases, MAC_GOST94, "GOST94");
        mac(aliases, MAC_GOST89MAC | MAC_GOST89MAC12, "GOST89MAC");
        mac(aliases, MAC_SHA256, "SHA256");
        mac(aliases, MAC_SHA384, "SHA384");
        mac(aliases, MAC_GOST12_256, "GOST12");

        // Exact minimum protocol version: TLSv1.2 is not "TLS 1.2 and older".
        aliases.put("SSLv3", CipherSelector.alias(0, 0, 0, 0, SSL3_VERSION, 0));
        aliases.put("TLSv1", CipherSelector.alias(0, 0, 0, 0, TLS1_VERSION, 0));
        aliases.put("TLSv1.0", CipherSelector.alias(0, 0, 0, 0, TLS1_VERSION, 0));
        aliases.put("TLSv1.2", CipherSelector.alias(0, 0, 0, 0, TLS1_2_VERSION, 0));

        aliases.put("LOW", CipherSelector.alias(0, 0, 0, 0, 0, STRENGTH_LOW));
        aliases.put("MEDIUM", CipherSelector.alias(0, 0, 0, 0, 0, STRENGTH_MEDIUM));
        aliases.put("HIGH", CipherSelector.alias(0, 0, 0, 0, 0, STRENGTH_HIGH));
        aliases.put("FIPS", CipherSelector.alias(0, 0, ENC_ALL & ~ENC_NULL, 0, 0, STRENGTH_FIPS));

        // Old names of the two DHE suites with 3DES.
        aliases.put("EDH-DSS-DES-CBC3-SHA",
                CipherSelector.alias(KX_DHE, AU_DSS, ENC_3DES, MAC_SHA1, 0, STRENGTH_HIGH | STRENGTH_FIPS));
        aliases.put("EDH-RSA-DES-CBC3-SHA",
                CipherSelector.alias(KX_DHE, AU_RSA, ENC_3DES, MAC_SHA1, 0, STRENGTH_HIGH | STRENGTH_FIPS));

        return Map.copyOf(aliases);
    }

    private static void keyExchange(Map<String, CipherSelector> aliases, int bits, String... names) {
        keyExchangeAndAuthentication(aliases, bits, 0, names);
    }

    private static void keyExchangeAndAuthentication(Map<String, CipherSelector> aliases, int keyExchange,
            int authentication, String... names) {
        for (String name : names) {
            aliases.put(name, CipherSelector.alias(keyExchange, authentication, 0, 0, 0, 0));
        }
    }

    private static void authentication(Map<String, CipherSelector> aliases, int bits, String... names) {
        keyExchangeAndAuthentication(aliases, 0, bits, names);
    }

    private static void encryption(Map<String, CipherSelector> aliases, int bits, String... names) {
        for (String name : names) {
            aliases.put(name, CipherSelector.alias(0, 0, bits, 0, 0, 0));
        }
    }

    private static void mac(Map<String, CipherSelector> aliases, int bits, String... names) {
        for (String name : names) {
            aliases.put(name, CipherSelector.alias(0, 0, 0, bits, 0, 0));
        }
    }
}
