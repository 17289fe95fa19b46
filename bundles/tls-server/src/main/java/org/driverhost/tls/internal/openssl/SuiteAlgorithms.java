package org.driverhost.tls.internal.openssl;

import java.util.Map;

/**
 * Algorithm bit masks of a cipher suite, grouped as OpenSSL 3.0 groups them for cipher-string matching
 * ({@code algorithm_mkey}, {@code algorithm_auth}, {@code algorithm_enc}, {@code algorithm_mac} and
 * {@code algo_strength} in {@code ssl/ssl_local.h}). An alias or rule sets several bits of one group, and a
 * suite matches a group when it has at least one of them.
 */
final class SuiteAlgorithms {

    static final int KX_RSA = 1;
    static final int KX_DHE = 1 << 1;
    static final int KX_ECDHE = 1 << 2;
    static final int KX_PSK = 1 << 3;
    static final int KX_RSAPSK = 1 << 4;
    static final int KX_ECDHEPSK = 1 << 5;
    static final int KX_DHEPSK = 1 << 6;
    static final int KX_SRP = 1 << 7;
    static final int KX_GOST = 1 << 8;
    static final int KX_GOST18 = 1 << 9;
    static final int KX_ANY_PSK = KX_PSK | KX_RSAPSK | KX_ECDHEPSK | KX_DHEPSK;

    static final int AU_RSA = 1;
    static final int AU_DSS = 1 << 1;
    static final int AU_NULL = 1 << 2;
    static final int AU_ECDSA = 1 << 3;
    static final int AU_PSK = 1 << 4;
    static final int AU_GOST01 = 1 << 5;
    static final int AU_GOST12 = 1 << 6;
    static final int AU_SRP = 1 << 7;
    static final int AU_ALL = (1 << 8) - 1;

    static final int ENC_DES = 1;
    static final int ENC_3DES = 1 << 1;
    static final int ENC_RC4 = 1 << 2;
    static final int ENC_RC2 = 1 << 3;
    static final int ENC_IDEA = 1 << 4;
    static final int ENC_NULL = 1 << 5;
    static final int ENC_AES128 = 1 << 6;
    static final int ENC_AES256 = 1 << 7;
    static final int ENC_CAMELLIA128 = 1 << 8;
    static final int ENC_CAMELLIA256 = 1 << 9;
    static final int ENC_GOST89 = 1 << 10;
    static final int ENC_SEED = 1 << 11;
    static final int ENC_AES128GCM = 1 << 12;
    static final int ENC_AES256GCM = 1 << 13;
    static final int ENC_AES128CCM = 1 << 14;
    static final int ENC_AES256CCM = 1 << 15;
    static final int ENC_AES128CCM8 = 1 << 16;
    static final int ENC_AES256CCM8 = 1 << 17;
    static final int ENC_GOST8912 = 1 << 18;
    static final int ENC_CHACHA20POLY1305 = 1 << 19;
    static final int ENC_ARIA128GCM = 1 << 20;
    static final int ENC_ARIA256GCM = 1 << 21;
    static final int ENC_MAGMA = 1 << 22;
    static final int ENC_KUZNYECHIK = 1 << 23;
    static final int ENC_ALL = (1 << 24) - 1;
    static final int ENC_AESGCM = ENC_AES128GCM | ENC_AES256GCM;
    static final int ENC_AES = ENC_AES128 | ENC_AES256 | ENC_AESGCM
            | ENC_AES128CCM | ENC_AES256CCM | ENC_AES128CCM8 | ENC_AES256CCM8;
    static final int ENC_CAMELLIA = ENC_CAMELLIA128 | ENC_CAMELLIA256;
    static final int ENC_ARIA = ENC_ARIA128GCM | ENC_ARIA256GCM;
    static final int ENC_CBC = ENC_DES | ENC_3DES | ENC_RC2 | ENC_IDEA | ENC_AES128 | ENC_AES256
            | ENC_CAMELLIA128 | ENC_CAMELLIA256 | ENC_SEED;

    static final int MAC_MD5 = 1;
    static final int MAC_SHA1 = 1 << 1;
    static final int MAC_GOST94 = 1 << 2;
    static final int MAC_GOST89MAC = 1 << 3;
    static final int MAC_SHA256 = 1 << 4;
    static final int MAC_SHA384 = 1 << 5;
    static final int MAC_AEAD = 1 << 6;
    static final int MAC_GOST12_256 = 1 << 7;
    static final int MAC_GOST89MAC12 = 1 << 8;
    static final int MAC_GOST12_512 = 1 << 9;

    static final int STRENGTH_NONE = 1;
    static final int STRENGTH_LOW = 1 << 1;
    static final int STRENGTH_MEDIUM = 1 << 2;
    static final int STRENGTH_HIGH = 1 << 3;
    static final int STRENGTH_FIPS = 1 << 4;
    static final int STRENGTH_MASK = (1 << 5) - 1;
    /** Marks suites that OpenSSL's DEFAULT leaves out, the suites COMPLEMENTOFDEFAULT selects. */
    static final int NOT_DEFAULT = 1 << 5;

    static final int SSL3_VERSION = 0x0300;
    static final int TLS1_VERSION = 0x0301;
    static final int TLS1_2_VERSION = 0x0303;

    /* The maps below read the Kx, Au, Enc, Mac and protocol fields as `openssl ciphers -v` prints them. */

    private static final Map<String, Integer> KEY_EXCHANGES = Map.of(
            "RSA", KX_RSA, "DH", KX_DHE, "ECDH", KX_ECDHE, "PSK", KX_PSK, "RSAPSK", KX_RSAPSK,
            "ECDHEPSK", KX_ECDHEPSK, "DHEPSK", KX_DHEPSK, "SRP", KX_SRP, "GOST", KX_GOST, "GOST18", KX_GOST18);

    private static final Map<String, Integer> AUTHENTICATIONS = Map.of(
            "RSA", AU_RSA, "DSS", AU_DSS, "None", AU_NULL, "ECDSA", AU_ECDSA, "PSK", AU_PSK,
            "SRP", AU_SRP, "GOST01", AU_GOST01, "GOST12", AU_GOST12 | AU_GOST01);

    private static final Map<String, Integer> ENCRYPTIONS = Map.ofEntries(
            Map.entry("DES(56)", ENC_DES), Map.entry("3DES(168)", ENC_3DES), Map.entry("RC4(128)", ENC_RC4),
            Map.entry("RC2(128)", ENC_RC2), Map.entry("IDEA(128)", ENC_IDEA), Map.entry("None", ENC_NULL),
            Map.entry("AES(128)", ENC_AES128), Map.entry("AES(256)", ENC_AES256),
            Map.entry("AESGCM(128)", ENC_AES128GCM), Map.entry("AESGCM(256)", ENC_AES256GCM),
            Map.entry("AESCCM(128)", ENC_AES128CCM), Map.entry("AESCCM(256)", ENC_AES256CCM),
            Map.entry("AESCCM8(128)", ENC_AES128CCM8), Map.entry("AESCCM8(256)", ENC_AES256CCM8),
            Map.entry("Camellia(128)", ENC_CAMELLIA128), Map.entry("Camellia(256)", ENC_CAMELLIA256),
            Map.entry("ARIAGCM(128)", ENC_ARIA128GCM), Map.entry("ARIAGCM(256)", ENC_ARIA256GCM),
            Map.entry("SEED(128)", ENC_SEED), Map.entry("CHACHA20/POLY1305(256)", ENC_CHACHA20POLY1305));

    private static final Map<String, Integer> MACS = Map.of(
            "MD5", MAC_MD5, "SHA1", MAC_SHA1, "SHA256", MAC_SHA256, "SHA384", MAC_SHA384, "AEAD", MAC_AEAD,
            "GOST94", MAC_GOST94);

    private static final Map<String, Integer> PROTOCOLS = Map.of(
            "SSLv3", SSL3_VERSION, "TLSv1", TLS1_VERSION, "TLSv1.2", TLS1_2_VERSION);

    private static final Map<String, Integer> STRENGTH_ALIASES = Map.of(
            "HIGH", STRENGTH_HIGH, "MEDIUM", STRENGTH_MEDIUM, "LOW", STRENGTH_LOW, "FIPS", STRENGTH_FIPS,
            "COMPLEMENTOFDEFAULT", NOT_DEFAULT);

    private SuiteAlgorithms() {
    }

    static int keyExchange(String field) {
        return lookup(KEY_EXCHANGES, "Kx", field);
    }

    static int authentication(String field) {
        return lookup(AUTHENTICATIONS, "Au", field);
    }

    static int encryption(String field) {
        return lookup(ENCRYPTIONS, "Enc", field);
    }

    static int mac(String field) {
        return lookup(MACS, "Mac", field);
    }

    static int protocol(String field) {
        return lookup(PROTOCOLS, "protocol", field);
    }

    /**
     * Returns the {@code algo_strength} bits of a comma-separated list of strength aliases, or
     * {@link #STRENGTH_NONE} when the list contains no strength class: only suites without encryption are in
     * none of HIGH, MEDIUM and LOW.
     */
    static int strength(String field) {
        int strength = 0;
        if (!field.equals("-")) {
            for (String alias : field.split(",")) {
                strength |= lookup(STRENGTH_ALIASES, "strength alias", alias);
            }
        }
        int strengthClasses = STRENGTH_LOW | STRENGTH_MEDIUM | STRENGTH_HIGH;
        if ((strength & strengthClasses) == 0) {
            strength |= STRENGTH_NONE;
        }
        return strength;
    }

    private static int lookup(Map<String, Integer> values, String column, String field) {
        Integer bits = values.get(field);
        if (bits == null) {
            throw new IllegalArgumentException("unknown " + column + " value " + field);
        }
        return bits;
    }
}
