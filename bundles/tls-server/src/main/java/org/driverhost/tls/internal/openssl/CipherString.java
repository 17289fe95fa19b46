package org.driverhost.tls.internal.openssl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.driverhost.tls.ServerException;

/**
 * Translates an OpenSSL cipher string into JSSE cipher suite names, in OpenSSL's order. The string follows
 * OpenSSL 3.0's grammar (see {@link CipherStringProcessor}); suite names are mapped through their IANA names,
 * which JSSE uses too.
 */
public final class CipherString {

    /** The string that DriverWorks documents for an empty {@code cipherList}. */
    public static final String DRIVERWORKS_DEFAULT = "HIGH:!EXPORT:!DES:!RC4:!3DES:!MD5:!PSK";

    private static final String ADVICE = "; use an OpenSSL cipher string such as HIGH:!aNULL";

    /** Suites named in a {@link ServerException} before the rest is only counted. */
    private static final int MAX_LISTED_SUITES = 5;

    private static final Set<String> TLS13_SUITES = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256");

    private CipherString() {
    }

    /**
     * Returns the JSSE names of the TLS 1.2-and-older suites that {@code cipherList} selects, in OpenSSL's
     * order, keeping only those in {@code supported} and those that OpenSSL's security level (1 unless the
     * string has {@code @SECLEVEL=n}) lets a server negotiate. A null or blank {@code cipherList} stands for
     * {@link #DRIVERWORKS_DEFAULT}. TLS 1.3 suites are not governed by the string: OpenSSL ignores their names
     * in it, and the caller adds them.
     *
     * @param cipherList an OpenSSL cipher string, for example {@code ECDHE+AESGCM:!aNULL}
     * @param supported the suites the JVM supports, in any order
     * @return the selected suites, never empty
     * @throws ServerException if the string is malformed or selects no suite in {@code supported}
     */
    public static List<String> resolve(String cipherList, List<String> supported) throws ServerException {
        String requested = cipherList == null ? "" : cipherList;
        String expression = requested.isBlank() ? DRIVERWORKS_DEFAULT : requested;

        CipherStringProcessor.Result result = select(requested, expression);
        List<OpenSslSuite> negotiable = negotiable(requested, result);
        return supportedNames(requested, negotiable, supported);
    }

    private static CipherStringProcessor.Result select(String requested, String expression) throws ServerException {
        CipherStringProcessor.Result result;
        try {
            result = CipherStringProcessor.process(expression);
        } catch (InvalidCipherStringException e) {
            throw invalid(requested, e.getMessage());
        }
        if (result.suites().isEmpty()) {
            throw invalid(requested, noSuite(unknownWordsNote(result.unknownWords())));
        }
        return result;
    }

    private static List<OpenSslSuite> negotiable(String requested, CipherStringProcessor.Result result)
            throws ServerException {
        List<OpenSslSuite> negotiable = new ArrayList<>();
        for (OpenSslSuite suite : result.suites()) {
            if (SecurityLevel.allows(suite, result.securityLevel())) {
                negotiable.add(suite);
            }
        }
        if (negotiable.isEmpty()) {
            throw invalid(requested, noSuite(" at security level " + result.securityLevel()
                    + " (OpenSSL would not negotiate " + listed(result.suites()) + ")"));
        }
        return negotiable;
    }

    private static List<String> supportedNames(String requested, List<OpenSslSuite> suites, List<String> supported)
            throws ServerException {
        Set<String> jvmSuites = new HashSet<>(supported);
        List<String> names = new ArrayList<>();
        for (OpenSslSuite suite : suites) {
            if (jvmSuites.contains(suite.ianaName())) {
                names.add(suite.ianaName());
            }
        }
        if (names.isEmpty()) {
            throw invalid(requested, noSuite(" (Java supports none of " + listed(suites) + ")"));
        }
        return List.copyOf(names);
    }

    private static ServerException invalid(String cipherList, String reason) {
        return new ServerException("invalid cipherList " + quote(cipherList) + ": " + reason + ADVICE);
    }

    private static String noSuite(String detail) {
        return "it selects no cipher suite this server supports" + detail;
    }

    /** Explains the unknown words that OpenSSL ignored, which is why most strings select nothing. */
    private static String unknownWordsNote(List<String> unknownWords) {
        if (unknownWords.isEmpty()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        for (String word : unknownWords) {
            notes.add(word + wordHint(word));
        }
        return " (OpenSSL ignores unknown words: " + String.join(", ", notes) + ")";
    }

    private static String wordHint(String word) {
        OpenSslSuite byIana = OpenSslSuiteTable.byIanaName(word);
        if (byIana != null) {
            return " is an IANA name, OpenSSL's is " + byIana.openSslName();
        }
        if (TLS13_SUITES.contains(word)) {
            return " is a TLS 1.3 suite, which cipherList does not govern";
        }
        String upper = word.toUpperCase(Locale.ROOT);
        boolean knownInUpperCase = CipherAliases.lookup(upper) != null || OpenSslSuiteTable.byOpenSslName(upper) != null;
        if (!upper.equals(word) && knownInUpperCase) {
            return " (names are case-sensitive: " + upper + ")";
        }
        return "";
    }

    private static String listed(List<OpenSslSuite> suites) {
        List<String> names = new ArrayList<>();
        for (OpenSslSuite suite : suites.subList(0, Math.min(suites.size(), MAX_LISTED_SUITES))) {
            names.add(suite.openSslName());
        }
        String listed = String.join(", ", names);
        int more = suites.size() - names.size();
        return more > 0 ? listed + " and " + more + " more" : listed;
    }

    /** Quotes a driver-supplied string for a message, escaping quotes, backslashes and control characters. */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                quoted.append(String.format("\\x%02X", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
