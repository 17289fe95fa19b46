package org.driverhost.tls.internal.openssl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cipher suites of OpenSSL 3.0.19, read from {@code openssl-suites.tsv} next to this class. That file was
 * generated with the {@code openssl} command line by the script in its header.
 */
final class OpenSslSuiteTable {

    static final String RESOURCE = "openssl-suites.tsv";

    private static final int COLUMNS = 10;

    private static final List<OpenSslSuite> SUITES = load();

    private static final Map<String, OpenSslSuite> BY_OPENSSL_NAME = index(SUITES, true);

    private static final Map<String, OpenSslSuite> BY_IANA_NAME = index(SUITES, false);

    private OpenSslSuiteTable() {
    }

    /** Returns every suite, in the order of {@code openssl ciphers -v ALL:COMPLEMENTOFALL}. */
    static List<OpenSslSuite> suites() {
        return SUITES;
    }

    /** Returns the suite with this OpenSSL name (case-sensitive, as in OpenSSL), or null. */
    static OpenSslSuite byOpenSslName(String name) {
        return BY_OPENSSL_NAME.get(name);
    }

    /** Returns the suite with this IANA name, or null. */
    static OpenSslSuite byIanaName(String name) {
        return BY_IANA_NAME.get(name);
    }

    private static List<OpenSslSuite> load() {
        try (InputStream in = OpenSslSuiteTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + OpenSslSuiteTable.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
    }

    static List<OpenSslSuite> parse(BufferedReader reader) throws IOException {
        List<OpenSslSuite> suites = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            suites.add(parseRow(line));
        }
        return Collections.unmodifiableList(suites);
    }

    private static OpenSslSuite parseRow(String line) {
        String[] fields = line.split("\t");
        if (fields.length != COLUMNS) {
            throw new IllegalArgumentException(
                    "invalid row in " + RESOURCE + ": expected " + COLUMNS + " tab-separated fields: " + line);
        }
        return new OpenSslSuite(
                parseSuiteId(fields[0]),
                fields[1],
                fields[2],
                SuiteAlgorithms.protocol(fields[3]),
                SuiteAlgorithms.keyExchange(fields[4]),
                SuiteAlgorithms.authentication(fields[5]),
                SuiteAlgorithms.encryption(fields[6]),
                SuiteAlgorithms.mac(fields[7]),
                Integer.parseInt(fields[8]),
                SuiteAlgorithms.strength(fields[9]));
    }

    /** Parses an id as {@code openssl ciphers -V} prints it, for example {@code 0xC0,0x2C}. */
    private static int parseSuiteId(String field) {
        String[] bytes = field.split(",");
        if (bytes.length != 2 || !bytes[0].startsWith("0x") || !bytes[1].startsWith("0x")) {
            throw new IllegalArgumentException("invalid suite id in " + RESOURCE + ": " + field);
        }
        return Integer.parseInt(bytes[0].substring(2), 16) << 8 | Integer.parseInt(bytes[1].substring(2), 16);
    }

    private static Map<String, OpenSslSuite> index(List<OpenSslSuite> suites, boolean byOpenSslName) {
        Map<String, OpenSslSuite> index = new HashMap<>();
        for (OpenSslSuite suite : suites) {
            index.put(byOpenSslName ? suite.openSslName() : suite.ianaName(), suite);
        }
        return Map.copyOf(index);
    }
}
