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
 * Loads PEM keys in every format OpenSSL 3 writes (PKCS#8, PKCS#1, SEC1; plain, legacy-encrypted and
 * PBES2-encrypted) for RSA, EC and EdDSA certificates, then serves each in a real TLS handshake.
 */
class PemKeyFormatsTest {

    private static final String PASSWORD = TestCredentials.PASSWORD;

    @TempDir
    static Path temp;

    private static Path packageFolder;
    private static Path sandbox;
    private static TestCredentials credentials;

    @BeforeAll
    static void makeKeys() throws IOException {
        OpenSsl.assumeInstalled();
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        credentials = new TestCredentials(packageFolder);
        OpenSsl openssl = credentials.openssl();
        String pass = "pass:" + PASSWORD;

        credentials.selfSigned("rsa", "rsa");
        openssl.openssl("rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-pkcs1.key");
        openssl.openssl("rsa", "-in", "rsa.key", "-traditional", "-aes256", "-passout", pass, "-out", "rsa-pkcs1-aes256.key");
        openssl.openssl("rsa", "-in", "rsa.key", "-traditional", "-aes128", "-passout", pass, "-out", "rsa-pkcs1-aes128.key");
        openssl.openssl("rsa", "-in", "rsa.key", "-traditional", "-des3", "-passout", pass, "-out", "rsa-pkcs1-des3.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "rsa.key", "-v2", "aes-256-cbc", "-passout", pass, "-out", "rsa-pbes2.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "rsa.key", "-scrypt", "-passout", pass, "-out", "rsa-scrypt.key");

        credentials.selfSigned("p256", "p256");
        openssl.openssl("ec", "-in", "p256.key", "-out", "p256-sec1.key");
        openssl.openssl("ec", "-in", "p256.key", "-aes256", "-passout", pass, "-out", "p256-sec1-aes256.key");
        openssl.openssl("ec", "-in", "p256.key", "-des3", "-passout", pass, "-out", "p256-sec1-des3.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "p256.key", "-v2", "aes-128-cbc", "-passout", pass, "-out", "p256-pbes2.key");
        openssl.openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ecparam.key");
        openssl.openssl("req", "-x509", "-key", "ecparam.key", "-out", "ecparam.crt", "-subj", "/CN=ecparam", "-days", "30");

        credentials.selfSigned("p384", "p384");
        openssl.openssl("ec", "-in", "p384.key", "-out", "p384-sec1.key");
        openssl.openssl("ec", "-in", "p384.key", "-aes128", "-passout", pass, "-out", "p384-sec1-aes128.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "p384.key", "-v2", "aes-256-cbc", "-passout", pass, "-out", "p384-pbes2.key");

        credentials.selfSigned("ed25519", "ed25519");
        openssl.openssl("pkcs8", "-topk8", "-in", "ed25519.key", "-v2", "aes-256-cbc", "-passout", pass, "-out", "ed25519-pbes2.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "ed25519.key", "-scrypt", "-passout", pass, "-out", "ed25519-scrypt.key");

        credentials.selfSigned("ed448", "ed448");
        credentials.selfSigned("other-rsa", "rsa");
        openssl.openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-out", "secp256k1.key");
        openssl.openssl("req", "-x509", "-key", "secp256k1.key", "-out", "secp256k1.crt", "-subj", "/CN=secp256k1", "-days", "30");
    }

    static Stream<Arguments> keyFiles() {
        return Stream.of(
                Arguments.of("rsa.crt", "rsa.key", null, "RSA"),
                Arguments.of("rsa.crt", "rsa-pkcs1.key", null, "RSA"),
                Arguments.of("rsa.crt", "rsa-pkcs1-aes256.key", PASSWORD, "RSA"),
                Arguments.of("rsa.crt", "rsa-pkcs1-aes128.key", PASSWORD, "RSA"),
                Arguments.of("rsa.crt", "rsa-pkcs1-des3.key", PASSWORD, "RSA"),
                Arguments.of("rsa.crt", "rsa-pbes2.key", PASSWORD, "RSA"),
                Arguments.of("rsa.crt", "rsa-scrypt.key", PASSWORD, "RSA"),
                Arguments.of("p256.crt", "p256.key", null, "EC"),
                Arguments.of("p256.crt", "p256-sec1.key", null, "EC"),
                Arguments.of("p256.crt", "p256-sec1-aes256.key", PASSWORD, "EC"),
                Arguments.of("p256.crt", "p256-sec1-des3.key", PASSWORD, "EC"),
                Arguments.of("p256.crt", "p256-pbes2.key", PASSWORD, "EC"),
                Arguments.of("ecparam.crt", "ecparam.key", null, "EC"),
                Arguments.of("p384.crt", "p384.key", null, "EC"),
                Arguments.of("p384.crt", "p384-sec1.key", null, "EC"),
                Arguments.of("p384.crt", "p384-sec1-aes128.key", PASSWORD, "EC"),
                Arguments.of("p384.crt", "p384-pbes2.key", PASSWORD, "EC"),
                Arguments.of("ed25519.crt", "ed25519.key", null, "EdDSA"),
                Arguments.of("ed25519.crt", "ed25519-pbes2.key", PASSWORD, "EdDSA"),
                Arguments.of("ed25519.crt", "ed25519-scrypt.key", PASSWORD, "EdDSA"),
                Arguments.of("ed448.crt", "ed448.key", null, "EdDSA"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keyFiles")
    void keyFileLoadsAndServes(String certificate, String key, String password, String algorithm) throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox)
                .certificate(certificate).privateKey(key).password(Specs.password(password)).build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        X509Certificate expected = certificate(certificate);
        assertEquals(List.of(expected), loaded.chain());
        assertEquals(algorithm, loaded.key().getAlgorithm());
        assertTrue(loaded.trustedCertificates().isEmpty(), "a self-signed leaf is not a chain certificate");
        assertEquals(List.of(expected), Handshake.presentedChain(loaded));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("protocolsAndKeyTypes")
    void keyTypeServesOverEachProtocol(String type, String protocol) throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(type + ".crt").privateKey(type + ".key").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(certificate(type + ".crt")), Handshake.presentedChain(loaded, protocol));
    }

    static Stream<Arguments> protocolsAndKeyTypes() {
        return Stream.of("rsa", "p256", "p384", "ed25519", "ed448")
                .flatMap(type -> Stream.of(Arguments.of(type, "TLSv1.2"), Arguments.of(type, "TLSv1.3")));
    }

    @Test
    void inlinePemTextLoadsAndServes() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox)
                .certificate(credentials.read("p256.crt"))
                .privateKey(credentials.read("p256-sec1-aes256.key"))
                .password(Specs.password(PASSWORD))
                .build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(certificate("p256.crt")), Handshake.presentedChain(loaded));
    }

    @Test
    void mismatchedKeyRejected() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("rsa.crt").privateKey("other-rsa.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid privateKey \"other-rsa.key\": "), error.getMessage());
        assertTrue(error.getMessage().contains("does not match the certificate's public key"), error.getMessage());
        assertTrue(error.getMessage().contains("CN=rsa"), error.getMessage());
    }

    @Test
    void keyOfOtherTypeRejected() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("p256.crt").privateKey("p384.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().contains("privateKey \"p384.key\""), error.getMessage());
        assertTrue(error.getMessage().contains("does not match the certificate's public key"), error.getMessage());
        assertTrue(error.getMessage().contains("CN=p256"), error.getMessage());
    }

    @Test
    void wrongPasswordRejected() {
        for (String key : List.of("rsa-pkcs1-aes256.key", "rsa-pkcs1-des3.key", "rsa-pbes2.key", "rsa-scrypt.key",
                "p256-sec1-aes256.key")) {
            String certificate = key.startsWith("rsa") ? "rsa.crt" : "p256.crt";
            ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(certificate).privateKey(key)
                    .password(Specs.password("Wrong-Guess-17")).build();

            ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

            assertTrue(error.getMessage().startsWith("invalid password: "), error.getMessage());
            assertTrue(error.getMessage().contains("\"" + key + "\""), error.getMessage());
            assertFalse(error.getMessage().contains("Wrong-Guess-17"), error.getMessage());
        }
    }

    @Test
    void encryptedKeyNeedsPassword() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("rsa.crt").privateKey("rsa-pbes2.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("missing password: "), error.getMessage());
        assertTrue(error.getMessage().contains("privateKey \"rsa-pbes2.key\""), error.getMessage());
    }

    @Test
    void unservableCurveRejected() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("secp256k1.crt").privateKey("secp256k1.key")
                .build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid certificate \"secp256k1.crt\": "), error.getMessage());
        assertTrue(error.getMessage().contains("P-256"), error.getMessage());
    }

    @Test
    void certificateFileAsKeyRejected() {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("rsa.crt").privateKey("rsa.crt").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid privateKey \"rsa.crt\": no private key found"),
                error.getMessage());
    }

    @Test
    void brokenInlinePemIsNotEchoed() {
        String broken = "-----BEGIN CERTIFICATE-----\nTUlJQnJva2VuQmFzZTY0\n-----END CERTIFICATE-----\n";
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(broken).privateKey("rsa.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid certificate (PEM text): "), error.getMessage());
        assertFalse(error.getMessage().contains("TUlJQnJva2VuQmFzZTY0"), error.getMessage());
    }

    @Test
    void oversizedInlinePemRejected() {
        String huge = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(FileRoots.MAX_FILE_BYTES) + "\n";
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate(huge).privateKey("rsa.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid certificate (PEM text): longer than 1048576"),
                error.getMessage());
    }

    @Test
    void missingCertificateOrKeyRejected() {
        ServerSpec noCertificate = Specs.tls(packageFolder, sandbox).privateKey("rsa.key").build();
        ServerSpec noKey = Specs.tls(packageFolder, sandbox).certificate("rsa.crt").build();

        ServerException first = assertThrows(ServerException.class, () -> new CredentialLoader().load(noCertificate));
        ServerException second = assertThrows(ServerException.class, () -> new CredentialLoader().load(noKey));

        assertTrue(first.getMessage().startsWith("missing certificate: "), first.getMessage());
        assertTrue(second.getMessage().startsWith("missing privateKey: "), second.getMessage());
    }

    @Test
    void nonPkcs12BinaryRejected() throws IOException {
        Files.write(packageFolder.resolve("random.bin"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05, 0x00, (byte) 0xff});
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("random.bin").privateKey("rsa.key").build();

        ServerException error = assertThrows(ServerException.class, () -> new CredentialLoader().load(spec));

        assertTrue(error.getMessage().startsWith("invalid certificate \"random.bin\": neither PEM"), error.getMessage());
    }

    static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(packageFolder.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
