package org.driverhost.tls.internal.openssl;

import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.NOT_DEFAULT;
import static org.driverhost.tls.internal.openssl.SuiteAlgorithms.STRENGTH_MASK;

/**
 * The pattern of one cipher-string rule, matched the way OpenSSL 3.0's {@code ssl_cipher_apply_rule} matches:
 * a zero group matches every suite, a non-zero group matches suites that have one of its bits.
 *
 * @param suiteId the id of the one suite a plain suite name selects, or {@link #ANY_SUITE}
 * @param keyExchange {@code SuiteAlgorithms.KX_*} bits, or 0
 * @param authentication {@code SuiteAlgorithms.AU_*} bits, or 0
 * @param encryption {@code SuiteAlgorithms.ENC_*} bits, or 0
 * @param mac {@code SuiteAlgorithms.MAC_*} bits, or 0
 * @param minProtocol the exact minimum protocol version a suite must have, or 0
 * @param strength {@code SuiteAlgorithms.STRENGTH_*} and {@code NOT_DEFAULT} bits, or 0
 */
record CipherSelector(
        int suiteId,
        int keyExchange,
        int authentication,
        int encryption,
        int mac,
        int minProtocol,
        int strength) {

    static final int ANY_SUITE = -1;

    /** Returns the selector of an alias, which selects on algorithms only. */
    static CipherSelector alias(int keyExchange, int authentication, int encryption, int mac, int minProtocol,
            int strength) {
        return new CipherSelector(ANY_SUITE, keyExchange, authentication, encryption, mac, minProtocol, strength);
    }

    /**
     * Returns the selector of a plain suite name. Its algorithms take part when it is combined with aliases in
     * {@code A+B}, but its protocol version does not, as in OpenSSL.
     */
    static CipherSelector suite(OpenSslSuite suite) {
        return new CipherSelector(suite.id(), suite.keyExchange(), suite.authentication(), suite.encryption(),
                suite.mac(), 0, suite.strength());
    }

    boolean matches(OpenSslSuite suite) {
        if (suiteId != ANY_SUITE && suiteId != suite.id()) {
            return false;
        }
        if (!matchesGroup(keyExchange, suite.keyExchange())
                || !matchesGroup(authentication, suite.authentication())
                || !matchesGroup(encryption, suite.encryption())
                || !matchesGroup(mac, suite.mac())
                || !matchesGroup(strength & STRENGTH_MASK, suite.strength())
                || !matchesGroup(strength & NOT_DEFAULT, suite.strength())) {
            return false;
        }
        return minProtocol == 0 || minProtocol == suite.minProtocol();
    }

    /**
     * Returns the intersection of this selector and the next word of an {@code A+B} rule, or null when a group
     * becomes empty, in which case OpenSSL ignores the whole rule. The strength classes follow OpenSSL's
     * quirk: the first word with a strength class replaces the bits gathered so far, which drops a preceding
     * COMPLEMENTOFDEFAULT.
     */
    CipherSelector narrow(CipherSelector next) {
        int narrowedKeyExchange = intersect(keyExchange, next.keyExchange);
        int narrowedAuthentication = intersect(authentication, next.authentication);
        int narrowedEncryption = intersect(encryption, next.encryption);
        int narrowedMac = intersect(mac, next.mac);
        if (narrowedKeyExchange == 0 && next.keyExchange != 0
                || narrowedAuthentication == 0 && next.authentication != 0
                || narrowedEncryption == 0 && next.encryption != 0
                || narrowedMac == 0 && next.mac != 0) {
            return null;
        }

        int narrowedStrength = strength;
        if ((next.strength & STRENGTH_MASK) != 0) {
            if ((narrowedStrength & STRENGTH_MASK) != 0) {
                narrowedStrength &= (next.strength & STRENGTH_MASK) | ~STRENGTH_MASK;
                if ((narrowedStrength & STRENGTH_MASK) == 0) {
                    return null;
                }
            } else {
                narrowedStrength = next.strength & STRENGTH_MASK;
            }
        }
        narrowedStrength |= next.strength & NOT_DEFAULT;

        int narrowedProtocol = minProtocol;
        if (next.suiteId == ANY_SUITE && next.minProtocol != 0) {
            if (minProtocol != 0 && minProtocol != next.minProtocol) {
                return null;
            }
            narrowedProtocol = next.minProtocol;
        }

        int narrowedSuite = next.suiteId != ANY_SUITE ? next.suiteId : suiteId;
        return new CipherSelector(narrowedSuite, narrowedKeyExchange, narrowedAuthentication, narrowedEncryption,
                narrowedMac, narrowedProtocol, narrowedStrength);
    }

    private static boolean matchesGroup(int selected, int actual) {
        return selected == 0 || (selected & actual) != 0;
    }

    /** Intersects a group, where 0 on either side means "not constrained yet". */
    private static int intersect(int current, int next) {
        if (next == 0) {
            return current;
        }
        return current == 0 ? next : current & next;
    }
}
