package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed P-256 certificate and key made with the openssl command line, as PEM files. */
record TestCertificates(Path certificate, Path privateKey) {

    static TestCertificates create(Path folder) throws IOException, InterruptedException {
        Path certificate = folder.resolve("server-cert.pem");
        Path privateKey = folder.resolve("server-key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-keyout", privateKey.toString(), "-out", certificate.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("openssl.log").toFile())
                .start();
        if (!openssl.waitFor(60, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
            throw new IOException("openssl req timed out");
        }
        assertEquals(0, openssl.exitValue(), "openssl req failed, see " + folder.resolve("openssl.log"));
        return new TestCertificates(certificate, privateKey);
    }
}
