package org.driverhost.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Certificates for a test's temporary folder: either the self-signed RSA server certificate of the field
 * case, or a set made with the real {@code openssl}: a CA that issued the server certificate and a client
 * certificate, and a second CA the server does not know with a client certificate of its own. Client
 * certificates also come as PKCS#12 files (password {@value #P12_PASSWORD}) for JDK clients.
 */
final class TestCertificates {

    static final String SERVER_CERT = "server-cert.pem";
    static final String SERVER_KEY = "server-key.pem";
    static final String CLIENT_CA = "client-ca.pem";
    static final String ROGUE_CA = "rogue-ca.pem";
    static final String P12_PASSWORD = "test-only";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Writes the server's files only. */
    static TestCertificates serverOnly(Path folder) throws IOException {
        copyResource("cases/rsa-server-cert.pem", folder.resolve(SERVER_CERT));
        copyResource("cases/rsa-server-key.pem", folder.resolve(SERVER_KEY));
        return new TestCertificates(folder);
    }

    /**
     * Writes both CAs, a server certificate issued by the client CA, so that the CA is a valid {@code chain}
     * for it, and one client certificate from each CA.
     */
    static TestCertificates withClients(Path folder) throws IOException, InterruptedException {
        TestCertificates certificates = new TestCertificates(folder);
        certificates.makeCa("client-ca", "DriverHost Test Client CA");
        certificates.makeCa("rogue-ca", "DriverHost Test Unknown CA");
        certificates.makeLeaf("server", "client-ca", "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n");
        certificates.makeLeaf("trusted-client", "client-ca", "extendedKeyUsage=clientAuth\n");
        certificates.makeLeaf("untrusted-client", "rogue-ca", "extendedKeyUsage=clientAuth\n");
        Files.move(folder.resolve("server.pem"), folder.resolve(SERVER_CERT));
        Files.move(folder.resolve("server.key"), folder.resolve(SERVER_KEY));
        return certificates;
    }

    Path folder() {
        return folder;
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    /** Returns the PEM certificate of a client: {@code trusted-client} or {@code untrusted-client}. */
    Path clientCert(String client) {
        return folder.resolve(client + ".pem");
    }

    Path clientKey(String client) {
        return folder.resolve(client + ".key");
    }

    Path clientP12(String client) {
        return folder.resolve(client + ".p12");
    }

    private void makeCa(String name, String commonName) throws IOException, InterruptedException {
        OpensslCli.runOk(folder, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    private void makeLeaf(String name, String ca, String extensions) throws IOException, InterruptedException {
        Files.writeString(folder.resolve(name + ".ext"), extensions);
        OpensslCli.runOk(folder, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        OpensslCli.runOk(folder, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key",
                "-CAcreateserial", "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem");
        OpensslCli.runOk(folder, "pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key",
                "-out", name + ".p12", "-passout", "pass:" + P12_PASSWORD);
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = TestCertificates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " not found");
            }
            Files.copy(in, target);
        }
    }
}
