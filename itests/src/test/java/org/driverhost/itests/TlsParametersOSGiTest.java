package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The OpenSSL meaning of {@code C4:CreateTLSServer}'s options, verifyMode and cipherList, probed in the running
 * assembly with the real {@code openssl s_client}, and the password kept out of the heap.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsParametersOSGiTest extends DriverHostTestSupport {

    private static final String INSTANCE = "tls-params";
    /** A password longer than the strings LuaJ caches, given to the driver reversed. */
    private static final String REVERSED_PASSWORD = "esrever-ni-drowssap-yek-rof-tset-pmud-paeh";

    private static Path credentials;
    private static Map<String, Integer> ports;

    @Before
    public void deployOnce() throws Exception {
        if (ports != null) {
            return;
        }
        credentials = Files.createTempDirectory("tls-params-");
        makeCredentials(credentials);
        deploy(packageWithServers(credentials), INSTANCE);
        awaitServer(INSTANCE);
        ports = new LinkedHashMap<>();
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (ports.size() < 10 && System.currentTimeMillis() < deadline) {
            for (ServerInfo server : servers()) {
                if (server.owner().equals(INSTANCE)) {
                    ports.put(server.identifier(), server.port());
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        assertEquals("servers started by the driver: " + ports.keySet(), 10, ports.size());
    }

    @Test
    public void defaultOptionsServeTls12AndTls13Only() throws Exception {
        int port = ports.get("default");
        assertTrue(OpenSslClient.echoes(credentials, port, "-tls1_3"));
        assertTrue(OpenSslClient.echoes(credentials, port, "-tls1_2"));
        assertFalse(OpenSslClient.echoes(credentials, port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"));
        assertFalse(OpenSslClient.echoes(credentials, port, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"));
    }

    @Test
    public void optionBitsSwitchProtocolsOff() throws Exception {
        assertFalse(OpenSslClient.echoes(credentials, ports.get("no-tls13"), "-tls1_3"));
        assertTrue(OpenSslClient.echoes(credentials, ports.get("no-tls13"), "-tls1_2"));
        assertTrue(OpenSslClient.echoes(credentials, ports.get("no-tls12"), "-tls1_3"));
        assertFalse(OpenSslClient.echoes(credentials, ports.get("no-tls12"), "-tls1_2"));
    }

    @Test
    public void legacyProtocolsStayOffUnderJvmPolicy() throws Exception {
        int port = ports.get("legacy-asked");
        assertTrue("the rest is still served", OpenSslClient.echoes(credentials, port, "-tls1_2"));
        assertFalse(OpenSslClient.echoes(credentials, port, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"));
    }

    @Test
    public void cipherListGovernsTls12Only() throws Exception {
        // The test certificates are EC, so the list names an ECDSA suite.
        int port = ports.get("one-suite");
        assertTrue(OpenSslClient.echoes(credentials, port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-SHA"));
        assertFalse("a suite outside the list",
                OpenSslClient.echoes(credentials, port, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA"));
        assertTrue("TLS 1.3 stays on", OpenSslClient.echoes(credentials, port, "-tls1_3"));
    }

    @Test
    public void verifyNoneAcceptsAnyClient() throws Exception {
        int port = ports.get("verify-none");
        for (String protocol : new String[] {"-tls1_2", "-tls1_3"}) {
            assertTrue(OpenSslClient.echoes(credentials, port, protocol));
            assertTrue(OpenSslClient.echoes(credentials, port, protocol, "-cert", "trusted-client.pem", "-key", "trusted-client.key"));
        }
    }

    @Test
    public void verifyPeerRejectsUntrustedCertificate() throws Exception {
        int port = ports.get("verify-peer");
        for (String protocol : new String[] {"-tls1_2", "-tls1_3"}) {
            assertTrue("no certificate is allowed", OpenSslClient.echoes(credentials, port, protocol));
            assertTrue(OpenSslClient.echoes(credentials, port, protocol, "-cert", "trusted-client.pem", "-key", "trusted-client.key"));
            assertFalse(OpenSslClient.echoes(credentials, port, protocol, "-cert", "untrusted-client.pem", "-key", "untrusted-client.key"));
        }
    }

    @Test
    public void verifyFailIfNoPeerCertRequiresCertificate() throws Exception {
        int port = ports.get("verify-required");
        for (String protocol : new String[] {"-tls1_2", "-tls1_3"}) {
            assertFalse(OpenSslClient.echoes(credentials, port, protocol));
            assertTrue(OpenSslClient.echoes(credentials, port, protocol, "-cert", "trusted-client.pem", "-key", "trusted-client.key"));
            assertFalse(OpenSslClient.echoes(credentials, port, protocol, "-cert", "untrusted-client.pem", "-key", "untrusted-client.key"));
        }
    }

    @Test
    public void pkcs12AndEncryptedKeyServe() throws Exception {
        assertTrue(OpenSslClient.echoes(credentials, ports.get("pkcs12"), "-tls1_3"));
        assertTrue(OpenSslClient.echoes(credentials, ports.get("encrypted-key"), "-tls1_2"));
    }

    @Test
    public void heapHoldsNoPasswordAfterServerStarts() throws Exception {
        Path dump = credentials.resolve("heap.hprof");
        // Through JMX, because com.sun.management is not among the packages Karaf's system bundle exports.
        // Only live objects are dumped: garbage left by key decryption is unreachable.
        ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                "dumpHeap", new Object[] {dump.toString(), true}, new String[] {String.class.getName(), boolean.class.getName()});

        byte[] heap = Files.readAllBytes(dump);
        Files.delete(dump);
        byte[] password = reversed(REVERSED_PASSWORD.getBytes(StandardCharsets.US_ASCII));
        assertFalse("password bytes found in the heap", contains(heap, password));
        assertFalse("password as UTF-16 found in the heap", contains(heap, utf16BigEndian(password)));
        Arrays.fill(password, (byte) 0);
    }

    private static void makeCredentials(Path folder) throws IOException, InterruptedException {
        OpenSslClient.run(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=Test CA");
        issue(folder, "server", "localhost", "ca");
        issue(folder, "trusted-client", "trusted client", "ca");
        OpenSslClient.run(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "untrusted-client.key", "-out", "untrusted-client.pem", "-days", "30", "-subj", "/CN=untrusted");

        byte[] password = reversed(REVERSED_PASSWORD.getBytes(StandardCharsets.US_ASCII));
        Path passwordFile = folder.resolve("password.txt");
        Files.write(passwordFile, password);
        Arrays.fill(password, (byte) 0);
        OpenSslClient.run(folder, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "server.key", "-out", "server-encrypted.key",
                "-passout", "file:password.txt");
        OpenSslClient.run(folder, "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-certfile", "ca.pem",
                "-out", "server.p12", "-passout", "file:password.txt");
        Files.delete(passwordFile);
    }

    private static void issue(Path folder, String name, String commonName, String ca) throws IOException, InterruptedException {
        OpenSslClient.run(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
        OpenSslClient.run(folder, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "30");
    }

    /** Builds the tls-params package: the driver packed by the build, plus credentials and the server list. */
    private static Path packageWithServers(Path folder) throws IOException {
        String pem = "certificate = \"server.pem\", privateKey = \"server.key\"";
        String servers = "return {\n"
                + "  { identifier = \"default\", options = 0, verifyMode = 1, " + pem + " },\n"
                + "  { identifier = \"no-tls13\", options = 0xBD, verifyMode = 1, " + pem + " },\n"
                + "  { identifier = \"no-tls12\", options = 0x7D, verifyMode = 1, " + pem + " },\n"
                + "  { identifier = \"legacy-asked\", options = 0x0D, verifyMode = 1, " + pem + " },\n"
                + "  { identifier = \"one-suite\", options = 0, verifyMode = 1, cipherList = \"ECDHE-ECDSA-AES256-SHA\", " + pem + " },\n"
                + "  { identifier = \"verify-none\", options = 0, verifyMode = 1, " + pem + ", chain = \"ca.pem\" },\n"
                + "  { identifier = \"verify-peer\", options = 0, verifyMode = 2, " + pem + ", chain = \"ca.pem\" },\n"
                + "  { identifier = \"verify-required\", options = 0, verifyMode = 6, " + pem + ", chain = \"ca.pem\" },\n"
                + "  { identifier = \"pkcs12\", options = 0, verifyMode = 1, certificate = \"server.p12\", privateKey = \"\","
                + " reversedPassword = \"" + REVERSED_PASSWORD + "\" },\n"
                + "  { identifier = \"encrypted-key\", options = 0, verifyMode = 1, certificate = \"server.pem\","
                + " privateKey = \"server-encrypted.key\", reversedPassword = \"" + REVERSED_PASSWORD + "\" },\n"
                + "}\n";
        Path c4z = folder.resolve(INSTANCE + ".c4z");
        try (ZipFile packed = new ZipFile(testDriver(INSTANCE).toFile());
                OutputStream out = Files.newOutputStream(c4z);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = packed.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                packed.getInputStream(entry).transferTo(zip);
                zip.closeEntry();
            }
            add(zip, "servers.lua", servers.getBytes(StandardCharsets.US_ASCII));
            for (String file : new String[] {"ca.pem", "server.pem", "server.key", "server-encrypted.key", "server.p12"}) {
                add(zip, file, Files.readAllBytes(folder.resolve(file)));
            }
        }
        return c4z;
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] result = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            result[i] = bytes[bytes.length - 1 - i];
        }
        return result;
    }

    /** Returns ASCII as UTF-16: HPROF files store char arrays big-endian. */
    private static byte[] utf16BigEndian(byte[] ascii) {
        byte[] result = new byte[ascii.length * 2];
        for (int i = 0; i < ascii.length; i++) {
            result[2 * i + 1] = ascii[i];
        }
        return result;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
