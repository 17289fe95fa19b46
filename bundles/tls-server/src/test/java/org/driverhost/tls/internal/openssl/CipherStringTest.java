package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.Test;

/**
 * Checks each rule of the cipher-string grammar against lists recorded from {@code openssl ciphers -v} of
 * OpenSSL 3.0.19, so these tests run without openssl. The JVM list is the one of OpenJDK 17.0.15.
 */
class CipherStringTest {

    /** {@code getSupportedCipherSuites()} of OpenJDK 17.0.15 with its default disabled algorithms. */
    static final List<String> JDK17_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV");

    /** What HIGH:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK selects in OpenSSL 3.0.19, limited to JDK17_SUITES. */
    static final List<String> DRIVERWORKS_DEFAULT_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");

    private static final String ADVICE = "; use an OpenSSL cipher string such as HIGH:!aNULL";

    private static List<String> resolve(String cipherList) throws ServerException {
        return CipherString.resolve(cipherList, JDK17_SUITES);
    }

    private static String rejection(String cipherList) {
        return assertThrows(ServerException.class, () -> resolve(cipherList)).getMessage();
    }

    @Test
    void emptyCipherListUsesDriverWorksDefault() throws ServerException {
        assertEquals(DRIVERWORKS_DEFAULT_SUITES, resolve(""));
        assertEquals(DRIVERWORKS_DEFAULT_SUITES, resolve(" \t "));
        assertEquals(DRIVERWORKS_DEFAULT_SUITES, resolve(null));
        assertEquals(DRIVERWORKS_DEFAULT_SUITES, resolve(CipherString.DRIVERWORKS_DEFAULT));
    }

    @Test
    void defaultOrderEndsWithStaticRsa() throws ServerException {
        List<String> all = resolve("ALL");

        assertEquals(DRIVERWORKS_DEFAULT_SUITES, all);
        assertEquals(List.of("TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("kRSA"));
    }

    @Test
    void suiteNamesKeepTheGivenOrder() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"),
                resolve("AES128-SHA:AES256-SHA"));
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                resolve("AES256-SHA:AES128-SHA"));
    }

    @Test
    void colonCommaSemicolonAndSpaceSeparate() throws ServerException {
        List<String> expected = List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256");

        assertEquals(expected, resolve("ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-GCM-SHA384,AES128-GCM-SHA256"));
        assertEquals(expected, resolve("ECDHE-RSA-AES128-GCM-SHA256;ECDHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256"));
        assertEquals(expected, resolve(" :,ECDHE-RSA-AES128-GCM-SHA256::ECDHE-RSA-AES256-GCM-SHA384  AES128-GCM-SHA256;"));
    }

    @Test
    void minusDeletesButAllowsReAdding() throws ServerException {
        assertEquals(List.of("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), resolve("AESGCM:-ECDHE:ECDHE-RSA-AES128-GCM-SHA256"));
    }

    @Test
    void exclamationMarkRemovesForGood() throws ServerException {
        assertEquals(List.of("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
                resolve("AESGCM:!ECDHE:ECDHE-RSA-AES128-GCM-SHA256"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("!AES256:AES128-SHA:AES256-SHA"));
    }

    @Test
    void deletedSuitesComeBackInTheirFormerOrder() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                resolve("AES256-SHA:AES128-SHA:-kRSA:kRSA+SHA1"));
    }

    @Test
    void plusPrefixMovesToTheEnd() throws ServerException {
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                resolve("ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384:+SHA1"));
    }

    @Test
    void plusPrefixDoesNotAdd() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("AES128-SHA:+AES256"));
    }

    @Test
    void plusBetweenWordsIntersects() throws ServerException {
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"), resolve("kEECDH+aRSA+AES256+SHA384"));
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                resolve("TLSv1+AES128"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256"),
                resolve("TLSv1.2+RSA+AES128"));
    }

    @Test
    void emptyIntersectionIsIgnored() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA"), resolve("AES128-SHA+kECDHE:AES256-SHA"));
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA"), resolve("TLSv1.2+SSLv3:AES256-SHA"));
    }

    @Test
    void strengthSortsByKeySizeStably() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                resolve("AES128-SHA:AES256-SHA:@STRENGTH"));
        assertEquals(List.of("TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                resolve("AES128-SHA AES256-SHA@STRENGTH"));

        List<String> sorted = resolve("AES:@STRENGTH");
        assertEquals(15, sorted.indexOf("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        assertTrue(sorted.subList(0, 15).stream().allMatch(name -> name.contains("AES_256")), sorted.toString());
    }

    @Test
    void defaultExpandsOnlyAtTheStart() throws ServerException {
        assertEquals(resolve("ALL:!COMPLEMENTOFDEFAULT:!eNULL"), resolve("DEFAULT"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("AES128-SHA:DEFAULT"));
        assertFalse(resolve("DEFAULT:!RSA").contains("TLS_RSA_WITH_AES_128_CBC_SHA"));
    }

    @Test
    void complementOfDefaultSelectsDss() throws ServerException {
        assertEquals(List.of("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"),
                resolve("COMPLEMENTOFDEFAULT"));
    }

    @Test
    void unknownWordIsIgnored() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("nonsense:AES128-SHA"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("EXPORT:FOO+AES:AES128-SHA"));
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("FOO$BAR:AES128-SHA"));
    }

    @Test
    void tls13NamesAreIgnored() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("TLS_AES_128_GCM_SHA256:AES128-SHA"));
        assertEquals("invalid cipherList \"TLS_AES_128_GCM_SHA256\": it selects no cipher suite this server"
                + " supports (OpenSSL ignores unknown words: TLS_AES_128_GCM_SHA256 is a TLS 1.3 suite, which"
                + " cipherList does not govern)" + ADVICE, rejection("TLS_AES_128_GCM_SHA256"));
    }

    @Test
    void ianaNameRejectedWithHint() {
        assertEquals("invalid cipherList \"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\": it selects no cipher suite"
                + " this server supports (OpenSSL ignores unknown words: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 is an"
                + " IANA name, OpenSSL's is ECDHE-RSA-AES128-GCM-SHA256)" + ADVICE,
                rejection("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals("invalid cipherList \"high\": it selects no cipher suite this server supports (OpenSSL"
                + " ignores unknown words: high (names are case-sensitive: HIGH))" + ADVICE, rejection("high"));
    }

    @Test
    void stringSelectingNothingIsRejected() {
        assertEquals("invalid cipherList \"FOO\": it selects no cipher suite this server supports (OpenSSL"
                + " ignores unknown words: FOO)" + ADVICE, rejection("FOO"));
        assertEquals("invalid cipherList \"ALL:!ALL\": it selects no cipher suite this server supports" + ADVICE,
                rejection("ALL:!ALL"));
    }

    @Test
    void suitesJavaLacksAreRejected() {
        assertEquals("invalid cipherList \"CAMELLIA\": it selects no cipher suite this server supports (Java"
                + " supports none of ECDHE-ECDSA-CAMELLIA256-SHA384, ECDHE-RSA-CAMELLIA256-SHA384,"
                + " DHE-RSA-CAMELLIA256-SHA256, DHE-DSS-CAMELLIA256-SHA256, ECDHE-ECDSA-CAMELLIA128-SHA256"
                + " and 19 more)" + ADVICE, rejection("CAMELLIA"));
        assertEquals("invalid cipherList \"PSK-AES128-CBC-SHA\": it selects no cipher suite this server supports"
                + " (Java supports none of PSK-AES128-CBC-SHA)" + ADVICE, rejection("PSK-AES128-CBC-SHA"));
    }

    @Test
    void onlySupportedSuitesAreReturned() throws ServerException {
        List<String> supported = List.of("TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                CipherString.resolve("HIGH", supported));
    }

    @Test
    void securityLevelThreeKeepsOnlyForwardSecrecy() throws ServerException {
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                resolve("AES128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=3"));
        assertEquals("invalid cipherList \"AES128-SHA:@SECLEVEL=3\": it selects no cipher suite this server"
                + " supports at security level 3 (OpenSSL would not negotiate AES128-SHA)" + ADVICE,
                rejection("AES128-SHA:@SECLEVEL=3"));
    }

    @Test
    void securityLevelFourDropsSha1And128Bits() throws ServerException {
        List<String> level4 = resolve("HIGH:@SECLEVEL=4");

        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"), level4);
    }

    @Test
    void lastSecurityLevelWins() throws ServerException {
        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), resolve("AES128-SHA:@SECLEVEL=3:@SECLEVEL=2"));
    }

    @Test
    void anonymousSuitesNeedSecurityLevelZero() throws ServerException {
        List<String> supported = List.of("TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");

        assertEquals(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"),
                CipherString.resolve("ADH-AES128-SHA:AES128-SHA", supported));
        assertEquals(List.of("TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                CipherString.resolve("ADH-AES128-SHA:AES128-SHA:@SECLEVEL=0", supported));
    }

    @Test
    void suiteBPrefixReplacesTheString() throws ServerException {
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
                resolve("SUITEB128:AES128-SHA"));
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), resolve("SUITEB192"));
    }

    @Test
    void malformedStringsAreRejected() {
        assertEquals("invalid cipherList \"AES128-SHA$\": unexpected character '$' at position 11 (names contain"
                + " only letters, digits and - _ . =)" + ADVICE, rejection("AES128-SHA$"));
        assertEquals("invalid cipherList \"AES128-SHA:AES+\": a name is missing after '+' at the end" + ADVICE,
                rejection("AES128-SHA:AES+"));
        assertEquals("invalid cipherList \"AES128-SHA:!\": a name is missing after '!' at the end" + ADVICE,
                rejection("AES128-SHA:!"));
        assertEquals("invalid cipherList \"DEFAULT:!!AES\": unexpected character '!' at position 10 (names contain"
                + " only letters, digits and - _ . =)" + ADVICE, rejection("DEFAULT:!!AES"));
        assertEquals("invalid cipherList \"AES\\x0ASHA\": unexpected character U+000A at position 4 (names contain"
                + " only letters, digits and - _ . =)" + ADVICE, rejection("AES\nSHA"));
    }

    @Test
    void unknownCommandsAreRejected() {
        String accepted = " (accepted: @STRENGTH and @SECLEVEL=0 to @SECLEVEL=5)";

        assertEquals("invalid cipherList \"@FOO:AES\": unknown command @FOO" + accepted + ADVICE,
                rejection("@FOO:AES"));
        assertEquals("invalid cipherList \"AES:@SECLEVEL=6\": unknown command @SECLEVEL=6" + accepted + ADVICE,
                rejection("AES:@SECLEVEL=6"));
        assertEquals("invalid cipherList \"AES:@strength\": unknown command @strength" + accepted + ADVICE,
                rejection("AES:@strength"));
    }

    @Test
    void quotesInTheStringAreEscaped() {
        assertEquals("invalid cipherList \"\\\"HIGH\\\"\": unexpected character '\"' at position 1 (names contain"
                + " only letters, digits and - _ . =)" + ADVICE, rejection("\"HIGH\""));
    }

    @Test
    void returnedListCannotBeModified() throws ServerException {
        List<String> suites = resolve("AES128-SHA");

        assertThrows(UnsupportedOperationException.class, () -> suites.add("TLS_RSA_WITH_AES_256_CBC_SHA"));
    }

    @Test
    void everyJdkSuiteIsReachable() throws ServerException {
        List<String> expected = new ArrayList<>(JDK17_SUITES);
        expected.removeIf(name -> name.startsWith("TLS_AES_") || name.startsWith("TLS_CHACHA20_")
                || name.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));

        List<String> all = resolve("ALL:COMPLEMENTOFALL:@SECLEVEL=0");

        assertEquals(expected.size(), all.size());
        assertTrue(all.containsAll(expected), all.toString());
    }
}
