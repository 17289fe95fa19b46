package org.driverhost.tls.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads PKCS#12 files written by OpenSSL 3 (default and {@code -legacy} algorithms, Camellia, no password)
 * and by {@code keytool}, recognised by content whatever their name, and serves each in a TLS handshake.
 */
class Pkcs12CredentialsTest {

    private static final String PASSWORD = TestCredentials.PASSWORD;

    @TempDir
    static Path temp;

    private static Path packageFolder;
    private static Path sandbox;
    private static X509Certificate leaf;
    private static X509Certificate intermediate;
    private static X509Certificate root;

    @BeforeAll
    static void makeFiles() throws Exception {
        OpenSsl.assumeInstalled();
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        TestCredentials credentials = new TestCredentials(packageFolder);
        OpenSsl openssl = credentials.openssl();
        String pass = "pass:" + PASSWORD;

        credentials.hierarchy("rsa");
        credentials.concatenate("cas.pem", "root.crt", "intermediate.crt");
        String[] export = {"pkcs12", "-export", "-in", "leaf.crt", "-inkey", "leaf.key", "-certfile", "cas.pem",
            "-name", "server"};
        openssl.openssl(concat(export, "-passout", pass, "-out", "default.p12"));
        openssl.openssl(concat(export, "-legacy", "-passout", pass, "-out", "legacy.p12"));
        openssl.openssl(concat(export, "-keypbe", "CAMELLIA-256-CBC", "-certpbe", "CAMELLIA-256-CBC",
                "-passout", pass, "-out", "camellia.p12"));
        openssl.openssl(concat(export, "-passout", "pass:", "-out", "no-password.p12"));
        // A name without the usual extension: the loader must go by content.
        openssl.openssl(concat(export, "-passout", pass, "-out", "server-credentials.bin"));
        openssl.keytool("-importkeystore", "-srckeystore", "default.p12", "-srcstoretype", "PKCS12",
                "-srcstorepass", PASSWORD, "-destkeystore", "keytool.p12", "-deststoretype", "PKCS12",
                "-deststorepass", PASSWORD, "-noprompt");
        openssl.keytool("-genkeypair", "-alias", "generated", "-keyalg", "EC", "-groupname", "secp384r1",
                "-dname", "CN=keytool-generated", "-validity", "30", "-keystore", "keytool-generated.p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);

        Files.copy(packageFolder.resolve("default.p12"), packageFolder.resolve("two-keys.p12"));
        openssl.keytool("-genkeypair", "-alias", "second", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=second", "-validity", "30", "-keystore", "two-keys.p12", "-storetype", "PKCS12",
                "-storepass", PASSWORD);

        leaf = certificate("leaf.crt");
        intermediate = certificate("intermediate.crt");
        root = certificate("root.crt");
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("default.p12", PASSWORD),
                Arguments.of("legacy.p12", PASSWORD),
                Arguments.of("camellia.p12", PASSWORD),
                Arguments.of("no-password.p12", null),
                Arguments.of("server-credentials.bin", PASSWORD),
                Arguments.of("keytool.p12", PASSWORD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void fileLoadsWithChainAndServes(String file, String password) throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(file).password(Specs.password(password)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate, root), loaded.chain());
        assertEquals(List.of(intermediate, root), loaded.trustedCertificates());
        assertEquals("RSA", loaded.key().getAlgorithm());
        assertEquals(List.of(leaf, intermediate, root), Handshake.presentedChain(loaded));
    }

    @Test
    void keytoolGeneratedKeyPairServes() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("keytool-generated.p12")
                .password(Specs.password(PASSWORD)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals("CN=keytool-generated", loaded.leaf().getSubjectX500Principal().getName());
        assertEquals(1, loaded.chain().size());
        assertEquals(loaded.chain(), Handshake.presentedChain(loaded));
    }

    @Test
    void firstOfSeveralKeysIsUsed() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("two-keys.p12")
                .password(Specs.password(PASSWORD)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate, root), loaded.chain());
        assertEquals(List.of(leaf, intermediate, root), Handshake.presentedChain(loaded));
    }

    @Test
    void privateKeyParameterIsIgnored() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("default.p12").privateKey("no-such-file.key")
                .password(Specs.password(PASSWORD)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(leaf, loaded.leaf());
    }

    @Test
    void chainParameterReplacesFileChain() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("default.p12").chain("intermediate.crt")
                .password(Specs.password(PASSWORD)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(leaf, intermediate), loaded.chain());
        assertEquals(List.of(intermediate), loaded.trustedCertificates());
        assertEquals(List.of(leaf, intermediate), Handshake.presentedChain(loaded));
    }

    @Test
    void wrongPasswordRejected() {
        for (String file : List.of("default.p12", "legacy.p12", "camellia.p12", "keytool.p12")) {
            ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(file)
                    .password(Specs.password("Wrong-Guess-17")).build();

            ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

            assertTrue(error.getMessage().startsWith("invalid password: "), error.getMessage());
            assertTrue(error.getMessage().contains("certificate \"" + file + "\""), error.getMessage());
            assertFalse(error.getMessage().contains("Wrong-Guess-17"), error.getMessage());
        }
    }

    @Test
    void missingPasswordRejected() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("default.p12").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("missing password: "), error.getMessage());
        assertTrue(error.getMessage().contains("certificate \"default.p12\""), error.getMessage());
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }

    private static X509Certificate certificate(String name) throws IOException, java.security.GeneralSecurityException {
        try (InputStream in = Files.newInputStream(packageFolder.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
