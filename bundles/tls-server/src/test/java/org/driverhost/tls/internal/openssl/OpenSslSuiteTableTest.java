package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenSslSuiteTableTest {

    private static final List<String> STRENGTH_ALIASES = List.of("HIGH", "MEDIUM", "LOW", "FIPS", "COMPLEMENTOFDEFAULT");

    @Test
    void tableMatchesLocalOpenSsl() throws IOException {
        String version = OpenSslCiphersCommand.version();
        assumeTrue(version != null, "openssl is not on the PATH, so the suite table cannot be compared with it");
        assumeTrue(version.startsWith("OpenSSL 3.0."), "the table is that of OpenSSL 3.0, not of " + version);

        assertEquals(generateRows(), resourceRows());
    }

    @Test
    void tableHasUniqueIdsAndNames() {
        List<OpenSslSuite> suites = OpenSslSuiteTable.suites();
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> ianaNames = new HashSet<>();
        for (OpenSslSuite suite : suites) {
            ids.add(suite.id());
            names.add(suite.openSslName());
            ianaNames.add(suite.ianaName());
        }

        assertEquals(155, suites.size());
        assertEquals(suites.size(), ids.size());
        assertEquals(suites.size(), names.size());
        assertEquals(suites.size(), ianaNames.size());
    }

    @Test
    void tableReadsAttributesOfOneSuite() {
        OpenSslSuite suite = OpenSslSuiteTable.byOpenSslName("DHE-DSS-AES256-GCM-SHA384");

        assertNotNull(suite);
        assertEquals(0x00A3, suite.id());
        assertEquals("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", suite.ianaName());
        assertEquals(SuiteAlgorithms.TLS1_2_VERSION, suite.minProtocol());
        assertEquals(SuiteAlgorithms.KX_DHE, suite.keyExchange());
        assertEquals(SuiteAlgorithms.AU_DSS, suite.authentication());
        assertEquals(SuiteAlgorithms.ENC_AES256GCM, suite.encryption());
        assertEquals(SuiteAlgorithms.MAC_AEAD, suite.mac());
        assertEquals(256, suite.strengthBits());
        assertEquals(SuiteAlgorithms.STRENGTH_HIGH | SuiteAlgorithms.STRENGTH_FIPS | SuiteAlgorithms.NOT_DEFAULT,
                suite.strength());
        assertEquals(suite, OpenSslSuiteTable.byIanaName("TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"));
    }

    @Test
    void suitesWithoutEncryptionHaveNoStrengthClass() {
        OpenSslSuite suite = OpenSslSuiteTable.byOpenSslName("NULL-SHA256");

        assertNotNull(suite);
        assertEquals(0, suite.strengthBits());
        assertEquals(SuiteAlgorithms.STRENGTH_NONE, suite.strength());
    }

    @Test
    void defaultOrderIsStableUnderItsOwnRules() {
        List<OpenSslSuite> once = OpenSslDefaultOrder.suites();

        assertEquals(once, OpenSslDefaultOrder.build(once));
    }

    /** Builds the rows the way the script in the resource header does. */
    private static List<String> generateRows() throws IOException {
        Map<String, List<String>> aliasesBySuite = new LinkedHashMap<>();
        for (String alias : STRENGTH_ALIASES) {
            for (OpenSslCiphersCommand.Line line : OpenSslCiphersCommand.ciphers(alias, false).lines()) {
                aliasesBySuite.computeIfAbsent(line.openSslName(), name -> new ArrayList<>()).add(alias);
            }
        }

        String listing = OpenSslCiphersCommand.run(
                List.of("openssl", "ciphers", "-V", "-v", "-stdname", "ALL:COMPLEMENTOFALL"));
        List<String> rows = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 10 || fields[5].equals("TLSv1.3")) {
                continue;
            }
            String encryption = fields[8].substring("Enc=".length());
            List<String> aliases = aliasesBySuite.getOrDefault(fields[4], List.of());
            rows.add(String.join("\t", fields[0], fields[4], fields[2], fields[5],
                    fields[6].substring("Kx=".length()), fields[7].substring("Au=".length()), encryption,
                    fields[9].substring("Mac=".length()), String.valueOf(strengthBits(encryption)),
                    aliases.isEmpty() ? "-" : String.join(",", aliases)));
        }
        return rows;
    }

    private static int strengthBits(String encryption) {
        if (encryption.equals("None")) {
            return 0;
        }
        if (encryption.startsWith("3DES")) {
            return 112;
        }
        return Integer.parseInt(encryption.substring(encryption.lastIndexOf('(') + 1, encryption.length() - 1));
    }

    private static List<String> resourceRows() throws IOException {
        List<String> rows = new ArrayList<>();
        try (InputStream in = OpenSslSuiteTable.class.getResourceAsStream(OpenSslSuiteTable.RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line);
                }
            }
        }
        return rows;
    }
}
