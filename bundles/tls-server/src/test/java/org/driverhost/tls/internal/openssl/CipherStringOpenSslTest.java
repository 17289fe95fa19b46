package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares cipher strings with the live {@code openssl ciphers} command: the selected OpenSSL suites must be
 * the same list, and {@link CipherString#resolve} must return OpenSSL's list in IANA names, limited to the
 * suites this JVM supports.
 */
class CipherStringOpenSslTest {

    /** Cipher strings from the field, from public server configurations, and ones that probe each rule. */
    static final List<String> STRINGS = List.of(
            // DriverWorks' documented default and the strings of the field case.
            "HIGH:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK",
            "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL",
            "kEECDH+aRSA:kEDH+aRSA:!aNULL:!SHA1",
            "AES128-SHA:AES256-SHA",
            "ECDHE-RSA-AES128-GCM-SHA256 ECDHE-RSA-AES256-GCM-SHA384,AES128-GCM-SHA256",
            "AESGCM:-ECDHE:ECDHE-RSA-AES128-GCM-SHA256",
            "AESGCM:!ECDHE:ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384:+SHA1",
            "AES:@STRENGTH",
            "DEFAULT:!RSA",
            "AES128-SHA:DEFAULT",
            "nonsense:AES128-SHA",
            "nonsense",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "high",
            "ALL:!COMPLEMENTOFDEFAULT:!eNULL",
            "ECDHE:!aECDSA:!SHA1:!SHA256:!SHA384",
            "HIGH:!aNULL:@SECLEVEL=2",
            "AES128-SHA:AES256-SHA:@STRENGTH",
            // Built-in groups.
            "ALL",
            "DEFAULT",
            "COMPLEMENTOFDEFAULT",
            "ALL:COMPLEMENTOFALL",
            "COMPLEMENTOFALL:ALL",
            "COMPLEMENTOFALL",
            "eNULL:@SECLEVEL=0",
            "FIPS",
            "HIGH+FIPS",
            "COMPLEMENTOFDEFAULT+HIGH",
            "RSA:!COMPLEMENTOFDEFAULT",
            "-ALL:AES128-SHA",
            "DEFAULT+ECDH",
            "DEFAULT:+AES128:@SECLEVEL=3",
            // nginx, Apache, cipherli.st, bettercrypto.org, stunnel, Python and Node.js defaults.
            "HIGH:!aNULL:!MD5",
            "HIGH:MEDIUM:!MD5:!RC4:!3DES",
            "EECDH+AESGCM:EDH+AESGCM",
            "EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH",
            "EDH+CAMELLIA:EDH+aRSA:EECDH+aRSA+AESGCM:EECDH+aECDSA+SHA384:EECDH+aECDSA+SHA256:EECDH:+CAMELLIA256"
                    + ":+AES256:+CAMELLIA128:+AES128:+SSLv3:!aNULL:!eNULL:!LOW:!3DES:!MD5:!EXP:!PSK:!DSS:!RC4:!SEED"
                    + ":!ECDSA:CAMELLIA256-SHA:AES256-SHA:CAMELLIA128-SHA:AES128-SHA",
            "HIGH:+3DES:+DH:!aNULL:!SSLv2",
            "HIGH:!aNULL:!SSLv2:!DH:!kDHEPSK",
            "ECDH+AESGCM:DH+AESGCM:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:ECDH+HIGH:DH+HIGH:RSA+AESGCM:RSA+AES"
                    + ":RSA+HIGH:!aNULL:!eNULL:!MD5:!3DES",
            "ECDH+AESGCM:ECDH+CHACHA20:DH+AESGCM:DH+CHACHA20:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:ECDH+HIGH"
                    + ":DH+HIGH:RSA+AESGCM:RSA+AES:RSA+HIGH:!aNULL:!eNULL:!MD5:!DSS:!RC4:!3DES",
            "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256"
                    + ":ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384"
                    + ":DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256"
                    + ":ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256"
                    + ":HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA",
            "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!DSS",
            "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH",
            "HIGH:!aNULL:!kRSA:!PSK:!SRP:!MD5:!RC4",
            "HIGH:MEDIUM:!aNULL:@STRENGTH",
            // Mozilla intermediate (v5) and old (v5) profiles, and the 2016 intermediate profile.
            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"
                    + ":ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"
                    + ":DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305",
            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384"
                    + ":ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"
                    + ":DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305"
                    + ":ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA"
                    + ":ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA"
                    + ":DHE-RSA-AES128-SHA256:DHE-RSA-AES256-SHA256:AES128-GCM-SHA256:AES256-GCM-SHA384"
                    + ":AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA",
            "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256"
                    + ":ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384"
                    + ":DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-SHA256"
                    + ":ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA"
                    + ":ECDHE-ECDSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA256"
                    + ":DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA:ECDHE-ECDSA-DES-CBC3-SHA"
                    + ":ECDHE-RSA-DES-CBC3-SHA:EDH-RSA-DES-CBC3-SHA:AES128-GCM-SHA256:AES256-GCM-SHA384"
                    + ":AES128-SHA256:AES256-SHA256:AES128-SHA:AES256-SHA:DES-CBC3-SHA:!DSS",
            // Single groups and intersections.
            "kEECDH+aRSA+AES",
            "AES256-SHA",
            "TLSv1.2",
            "TLSv1.2+kRSA",
            "SSLv3",
            "TLSv1:!SSLv3",
            "TLSv1.0+AES128",
            "TLSv1.2+SSLv3:AES128-SHA",
            "AES128-SHA+SSLv3:AES128-SHA+TLSv1.2:AES256-SHA",
            "aECDSA:aRSA",
            "kDHE:-aDSS",
            "ECDSA+SHA384",
            "SHA256:SHA384:+kRSA",
            "AES128:-AESCCM:AES256+aRSA:+SHA1",
            "CHACHA20:AESGCM:AESCCM8:ARIA:CAMELLIA",
            "CAMELLIA",
            "PSK",
            "kECDHEPSK:kDHEPSK:kRSAPSK:kPSK:aPSK",
            "SRP:kSRP:aSRP",
            "ADH:AECDH:@SECLEVEL=0",
            "CBC+SHA256:ARIAGCM:ARIA128:ARIA256",
            "AES128-SHA+kECDHE:AES256-SHA",
            "ECDHE+AESGCM:DHE+AESGCM:ECDHE+CHACHA20:-SHA1:-DHE:DHE+AES256",
            "ALL:-AES:-CHACHA20:AES256:@STRENGTH",
            "MEDIUM:LOW:HIGH",
            "EDH-RSA-DES-CBC3-SHA:DHE-RSA-AES128-SHA",
            "AEAD:EXPORT:EXP:LOW:AES128-SHA",
            "CHACHA20+kDHE:aDSS+SHA256:GOST:kGOST:RC4:SEED:IDEA:AES128-SHA",
            "ECDHE+aECDSA+AESGCM:ECDHE+aRSA+AESGCM:ECDHE+aECDSA+CHACHA20:ECDHE+aRSA+CHACHA20:!SHA1",
            // Suite B, separators, odd spacing and malformed strings.
            "SUITEB128",
            "SUITEB192:AES",
            "SUITEB128ONLY",
            "SUITEB128C2",
            "AES128-SHA;AES256-SHA",
            "AES128-SHA::,,  ;AES256-SHA",
            "AES128-SHA AES256-SHA@STRENGTH",
            "AES256-SHA!AES256",
            "FOO@BAR:AES128-SHA",
            "FOO+AES:AES128-SHA",
            "AES128-SHA:@STRENGTH+AES",
            "AES128-SHA$",
            "AES128-SHA:AES+",
            "AES128-SHA:!",
            "@FOO:AES128-SHA",
            "AES128-SHA:@SECLEVEL=9",
            "HIGH:@SECLEVEL=3",
            "HIGH:@SECLEVEL=4",
            "HIGH:@SECLEVEL=5:@SECLEVEL=1",
            "ALL:COMPLEMENTOFALL:@SECLEVEL=0",
            "ALL:COMPLEMENTOFALL:@SECLEVEL=5");

    private static String openSslVersion;
    private static List<String> jvmSuites;

    @BeforeAll
    static void findOpenSslAndJvmSuites() throws NoSuchAlgorithmException {
        openSslVersion = OpenSslCiphersCommand.version();
        jvmSuites = Arrays.asList(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    }

    /** Skips a test without OpenSSL 3.0, per test so that the reason shows in the test report. */
    private static void assumeOpenSsl30() {
        assumeTrue(openSslVersion != null, "openssl is not on the PATH, so the cipher strings cannot be compared");
        assumeTrue(openSslVersion.startsWith("OpenSSL 3.0."),
                "the suite table and aliases are those of OpenSSL 3.0, but the local openssl is " + openSslVersion);
    }

    static Stream<String> strings() {
        return STRINGS.stream();
    }

    @ParameterizedTest
    @MethodSource("strings")
    void selectedSuitesMatchOpenSsl(String cipherString) throws IOException {
        assumeOpenSsl30();
        OpenSslCiphersCommand.Output expected = OpenSslCiphersCommand.ciphers(cipherString, false);

        if (expected.rejected()) {
            assertRejectedOrEmpty(cipherString);
            return;
        }
        CipherStringProcessor.Result result = assertDoesNotReject(cipherString);
        assertEquals(expected.legacyOpenSslNames(), openSslNames(result.suites()), cipherString);
    }

    @ParameterizedTest
    @MethodSource("strings")
    void negotiableSuitesMatchOpenSsl(String cipherString) throws IOException {
        assumeOpenSsl30();
        OpenSslCiphersCommand.Output expected = OpenSslCiphersCommand.ciphers(cipherString, true);
        assumeTrue(!expected.rejected(), "openssl rejects the string; selectedSuitesMatchOpenSsl covers it");

        CipherStringProcessor.Result result = assertDoesNotReject(cipherString);
        List<String> negotiable = new ArrayList<>();
        for (OpenSslSuite suite : result.suites()) {
            // openssl ciphers -s drops SRP suites because the command sets no SRP callback.
            boolean srp = (suite.keyExchange() & SuiteAlgorithms.KX_SRP) != 0;
            if (!srp && SecurityLevel.allows(suite, result.securityLevel())) {
                negotiable.add(suite.openSslName());
            }
        }
        assertEquals(expected.legacyOpenSslNames(), negotiable, cipherString);
    }

    @ParameterizedTest
    @MethodSource("strings")
    void resolveReturnsOpenSslOrderInJsseNames(String cipherString) throws IOException, NoSuchAlgorithmException {
        assumeOpenSsl30();
        OpenSslCiphersCommand.Output selected = OpenSslCiphersCommand.ciphers(cipherString, false);
        OpenSslCiphersCommand.Output negotiable = OpenSslCiphersCommand.ciphers(cipherString, true);
        List<String> expected = negotiable.legacyIanaNames(jvmSuites);

        // Without @SECLEVEL, OpenSSL's default level 1 removes no suite that this JVM supports.
        if (!cipherString.contains("@SECLEVEL")) {
            assertEquals(selected.legacyIanaNames(jvmSuites), expected, "security level 1 changed " + cipherString);
        }

        if (selected.rejected() || expected.isEmpty()) {
            ServerException e = assertThrows(ServerException.class, () -> CipherString.resolve(cipherString, jvmSuites));
            assertTrue(e.getMessage().startsWith("invalid cipherList \""), e.getMessage());
            return;
        }
        List<String> resolved;
        try {
            resolved = CipherString.resolve(cipherString, jvmSuites);
        } catch (ServerException e) {
            throw new AssertionError("resolve rejected " + cipherString + ": " + e.getMessage(), e);
        }
        assertEquals(expected, resolved, cipherString);

        // JSSE takes the names as they are and keeps their order.
        SSLEngine engine = SSLContext.getDefault().createSSLEngine();
        engine.setEnabledCipherSuites(resolved.toArray(new String[0]));
        assertEquals(resolved, Arrays.asList(engine.getEnabledCipherSuites()), cipherString);
    }

    private static void assertRejectedOrEmpty(String cipherString) {
        try {
            CipherStringProcessor.Result result = CipherStringProcessor.process(cipherString);
            assertEquals(List.of(), openSslNames(result.suites()), "openssl rejects " + cipherString);
        } catch (InvalidCipherStringException e) {
            // Rejected like openssl does.
        }
    }

    private static CipherStringProcessor.Result assertDoesNotReject(String cipherString) {
        try {
            return CipherStringProcessor.process(cipherString);
        } catch (InvalidCipherStringException e) {
            throw new AssertionError("openssl accepts " + cipherString + " but the processor rejects it: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> openSslNames(List<OpenSslSuite> suites) {
        List<String> names = new ArrayList<>();
        for (OpenSslSuite suite : suites) {
            names.add(suite.openSslName());
        }
        return names;
    }
}
