package org.driverhost.tls.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads and serves certificates outside their validity period, as OpenSSL does, and warns about them. */
class ValidityWarningTest {

    @TempDir
    static Path temp;

    private static Path packageFolder;
    private static Path sandbox;

    @BeforeAll
    static void makeCertificates() throws Exception {
        OpenSsl.assumeInstalled();
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        TestCredentials credentials = new TestCredentials(packageFolder);
        credentials.selfSignedWithDates("expired", "p256", "20200101000000Z", "20200201000000Z");
        credentials.selfSignedWithDates("future", "rsa", "20990101000000Z", "20991231000000Z");
    }

    @Test
    void expiredCertificateLoadsAndServes() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("expired.crt").privateKey("expired.key").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(certificate("expired.crt")), Handshake.presentedChain(loaded));
    }

    @Test
    void notYetValidCertificateLoadsAndServes() throws Exception {
        ServerSpec spec = Specs.tls(packageFolder, sandbox).certificate("future.crt").privateKey("future.key").build();

        ServerCredentials loaded = new CredentialLoader().load(spec);

        assertEquals(List.of(certificate("future.crt")), Handshake.presentedChain(loaded));
    }

    @Test
    void warningsNameSubjectAndDates() throws Exception {
        ValidityCheck check = new ValidityCheck(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

        List<String> warnings = check.warnings(List.of(certificate("expired.crt"), certificate("future.crt")));

        assertEquals(List.of(
                "certificate CN=expired expired on 2020-02-01T00:00:00Z (valid from 2020-01-01T00:00:00Z to "
                        + "2020-02-01T00:00:00Z)",
                "certificate CN=future is not valid before 2099-01-01T00:00:00Z (valid from 2099-01-01T00:00:00Z to "
                        + "2099-12-31T00:00:00Z)"), warnings);
    }

    @Test
    void certificateInItsPeriodHasNoWarning() throws Exception {
        ValidityCheck check = new ValidityCheck(Clock.fixed(Instant.parse("2020-01-15T00:00:00Z"), ZoneOffset.UTC));

        assertTrue(check.warnings(List.of(certificate("expired.crt"))).isEmpty());
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(packageFolder.resolve(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
