package org.driverhost.tls.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends chain certificates in issuer order whatever order they are given in, drops duplicates, and verifies
 * client certificates against the CA certificates of the chain.
 */
class ChainOrderTest {

    @TempDir
    static Path temp;

    private static Path packageFolder;
    private static Path sandbox;
    private static TestCredentials credentials;
    private static X509Certificate leaf;
    private static X509Certificate intermediate;
    private static X509Certificate root;

    @BeforeAll
    static void makeHierarchy() throws Exception {
        OpenSsl.assumeInstalled();
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        credentials = new TestCredentials(packageFolder);
        credentials.hierarchy("p384");
        credentials.concatenate("shuffled.pem", "root.crt", "leaf.crt", "intermediate.crt", "root.crt",
                "intermediate.crt");
        credentials.concatenate("fullchain.pem", "leaf.crt", "intermediate.crt");
        credentials.selfSigned("stranger", "p256");
        credentials.concatenate("with-stranger.pem", "stranger.crt", "intermediate.crt");

        // A client certificate issued by the intermediate CA, for the mutual TLS handshake.
        OpenSsl openssl = credentials.openssl();
        credentials.key("client", "p256");
        openssl.openssl("req", "-new", "-key", "client.key", "-out", "client.csr", "-subj", "/CN=client");
        openssl.openssl("x509", "-req", "-in", "client.csr", "-CA", "intermediate.crt", "-CAkey", "intermediate.key",
                "-CAcreateserial", "-out", "client.crt", "-days", "30", "-extfile", "extensions.cnf",
                "-extensions", "leaf");

        leaf = certificate("leaf.crt");
        intermediate = certificate("intermediate.crt");
        root = certificate("root.crt");
    }

    @Test
    void shuffledChainSentInIssuerOrder() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("leaf.crt").privateKey("leaf.key")
                .chain("shuffled.pem").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate, root), loaded.chain());
        assertEquals(List.of(intermediate, root), loaded.trustedCertificates());
        assertEquals(List.of(leaf, intermediate, root), Handshake.presentedChain(loaded));
    }

    @Test
    void inlineChainTextOrdered() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("leaf.crt").privateKey("leaf.key")
                .chain(credentials.read("root.crt") + credentials.read("intermediate.crt")).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate, root), loaded.chain());
    }

    @Test
    void fullchainCertificateFileAccepted() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("fullchain.pem").privateKey("leaf.key")
                .chain("root.crt").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate, root), loaded.chain());
    }

    @Test
    void unrelatedChainCertificateNotSent() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("leaf.crt").privateKey("leaf.key")
                .chain("with-stranger.pem").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        X509Certificate stranger = certificate("stranger.crt");
        assertEquals(List.of(leaf, intermediate), loaded.chain());
        assertEquals(List.of(intermediate, stranger), loaded.trustedCertificates());
        assertEquals(List.of(leaf, intermediate), Handshake.presentedChain(loaded));
    }

    @Test
    void clientCertificateTrustedThroughChain() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("leaf.crt").privateKey("leaf.key")
                .chain("shuffled.pem").build();
        ServerCredentials loaded = new CredentialLoader().load(spec);

        List<X509Certificate> presented = Handshake.presentedChainWithClient(loaded, privateKey("client.key"),
                certificate("client.crt"), intermediate);

        assertEquals(List.of(leaf, intermediate, root), presented);
    }

    @Test
    void foreignClientCertificateRejected() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("leaf.crt").privateKey("leaf.key")
                .chain("shuffled.pem").build();
        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertThrows(SSLHandshakeException.class, () -> Handshake.presentedChainWithClient(loaded,
                privateKey("stranger.key"), certificate("stranger.crt")));
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(packageFolder.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Reads a plain PKCS#8 EC key as written by {@code openssl genpkey}. */
    private static PrivateKey privateKey(String name) throws Exception {
        String pem = credentials.read(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
    }
}
