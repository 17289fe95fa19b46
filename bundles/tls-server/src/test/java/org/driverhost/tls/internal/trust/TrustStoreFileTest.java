package org.driverhost.tls.internal.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreFileTest {

    @TempDir
    static Path folder;

    private static Path caPem;
    private static X509Certificate ca;

    @BeforeAll
    static void makeCa() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=Trust Store Test CA")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        assertEquals(0, openssl.exitValue(), "openssl req failed");
        caPem = folder.resolve("ca.pem");
        try (var in = Files.newInputStream(caPem)) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void blankPathMeansNoCa() throws ServerException {
        assertEquals(List.of(), TrustStoreFile.load("", "".toCharArray()));
        assertEquals(List.of(), TrustStoreFile.load("  ", "ignored".toCharArray()));
    }

    @Test
    void pemBundleIsRead() throws Exception {
        Path bundle = folder.resolve("bundle.pem");
        Files.writeString(bundle, "# two copies\n" + Files.readString(caPem) + Files.readString(caPem));

        assertEquals(List.of(ca, ca), TrustStoreFile.load(bundle.toString(), "".toCharArray()));
    }

    @Test
    void pkcs12IsReadWithPassword() throws Exception {
        Path store = writeStore("PKCS12", "p12-secret", "store.p12");

        assertEquals(List.of(ca), TrustStoreFile.load(store.toString(), "p12-secret".toCharArray()));
    }

    @Test
    void pkcs12WithoutPasswordAsksForIt() throws Exception {
        Path store = writeStore("PKCS12", "p12-secret", "locked.p12");

        ServerException error = assertThrows(ServerException.class, () -> TrustStoreFile.load(store.toString(), "".toCharArray()));

        assertTrue(error.getMessage().contains("so set trustStorePassword"), error::getMessage);
    }

    @Test
    void jksIsReadWithAndWithoutPassword() throws Exception {
        Path store = writeStore("JKS", "jks-secret", "store.jks");

        assertEquals(List.of(ca), TrustStoreFile.load(store.toString(), "jks-secret".toCharArray()));
        assertEquals(List.of(ca), TrustStoreFile.load(store.toString(), "".toCharArray()));
    }

    @Test
    void missingFileIsRejected() {
        String missing = folder.resolve("missing.pem").toString();

        ServerException error = assertThrows(ServerException.class, () -> TrustStoreFile.load(missing, "".toCharArray()));

        assertTrue(error.getMessage().startsWith("invalid trustStore setting \"" + missing + "\": cannot be read"),
                error::getMessage);
    }

    @Test
    void otherContentIsRejected() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a certificate");

        ServerException error = assertThrows(ServerException.class, () -> TrustStoreFile.load(text.toString(), "".toCharArray()));

        assertEquals("invalid trustStore setting \"" + text + "\": neither a PEM certificate file nor a PKCS#12 "
                + "or JKS key store; give the path of a PEM, PKCS#12 or JKS file with CA certificates, or leave it "
                + "empty", error.getMessage());
    }

    @Test
    void storeWithoutCertificatesIsRejected() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        Path path = folder.resolve("empty.p12");
        try (OutputStream out = Files.newOutputStream(path)) {
            empty.store(out, "empty".toCharArray());
        }

        ServerException error = assertThrows(ServerException.class, () -> TrustStoreFile.load(path.toString(), "empty".toCharArray()));

        assertTrue(error.getMessage().contains("it holds no CA certificate"), error::getMessage);
    }

    private static Path writeStore(String type, String password, String name) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        Path path = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password.toCharArray());
        }
        return path;
    }
}
