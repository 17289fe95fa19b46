package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes keys and certificates with the real {@code openssl} command in a test's package folder: self-signed
 * leaves of each key type, and a root CA, an intermediate CA and a leaf.
 */
final class TestCredentials {

    static final String PASSWORD = "s3cret-Pass";

    private static final String EXTENSIONS = """
            [ca]
            basicConstraints = critical,CA:TRUE
            keyUsage = critical,keyCertSign,cRLSign
            [leaf]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            subjectAltName = DNS:localhost
            """;

    private final Path folder;
    private final OpenSsl openssl;

    TestCredentials(Path folder) {
        this.folder = folder;
        this.openssl = new OpenSsl(folder);
    }

    OpenSsl openssl() {
        return openssl;
    }

    Path folder() {
        return folder;
    }

    /** Returns the {@code genpkey} arguments for a key type: rsa, p256, p384, ed25519 or ed448. */
    static String[] keyArguments(String type) {
        return switch (type) {
            case "rsa" -> new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
            case "p256" -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"};
            case "p384" -> new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"};
            case "ed25519" -> new String[] {"-algorithm", "ED25519"};
            case "ed448" -> new String[] {"-algorithm", "ED448"};
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Writes {@code name.key} (plain PKCS#8) of the given type. */
    void key(String name, String type) {
        String[] arguments = keyArguments(type);
        String[] command = new String[arguments.length + 3];
        command[0] = "genpkey";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        command[arguments.length + 1] = "-out";
        command[arguments.length + 2] = name + ".key";
        openssl.openssl(command);
    }

    /** Writes {@code name.key} and a self-signed {@code name.crt} for {@code CN=name}, valid for 30 days. */
    void selfSigned(String name, String type) {
        key(name, type);
        openssl.openssl("req", "-x509", "-key", name + ".key", "-out", name + ".crt", "-subj", "/CN=" + name,
                "-days", "30");
    }

    /**
     * Writes {@code name.key} and a self-signed {@code name.crt} valid from {@code start} to {@code end}, given
     * as {@code YYYYMMDDHHMMSSZ}. {@code openssl req} only makes certificates valid from now, so this uses
     * {@code openssl ca}, which takes both dates.
     */
    void selfSignedWithDates(String name, String type, String start, String end) throws IOException {
        Path database = folder.resolve(name + "-ca");
        Files.createDirectories(database);
        Files.writeString(database.resolve("index.txt"), "");
        Files.writeString(database.resolve("ca.cnf"), """
                [ca]
                default_ca = dated
                [dated]
                dir = .
                database = ./index.txt
                new_certs_dir = .
                serial = ./serial
                default_md = sha256
                policy = any_name
                unique_subject = no
                [any_name]
                commonName = supplied
                """);
        key(name, type);
        openssl.openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        new OpenSsl(database).openssl("ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile",
                folder.resolve(name + ".key").toString(), "-in", folder.resolve(name + ".csr").toString(),
                "-out", folder.resolve(name + ".crt").toString(), "-startdate", start, "-enddate", end,
                "-rand_serial", "-notext");
    }

    /**
     * Writes {@code root}, {@code intermediate} and {@code leaf} keys and certificates: a root CA, an
     * intermediate CA it signed, and a leaf for localhost that the intermediate signed.
     */
    void hierarchy(String leafType) throws IOException {
        Files.writeString(folder.resolve("extensions.cnf"), EXTENSIONS);
        key("root", "p256");
        openssl.openssl("req", "-x509", "-key", "root.key", "-out", "root.crt", "-subj", "/CN=Test Root CA",
                "-days", "30");
        issue("intermediate", "p256", "/CN=Test Intermediate CA", "root", "ca");
        issue("leaf", leafType, "/CN=localhost", "intermediate", "leaf");
    }

    private void issue(String name, String type, String subject, String issuer, String section) {
        key(name, type);
        openssl.openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl.openssl("x509", "-req", "-in", name + ".csr", "-CA", issuer + ".crt", "-CAkey", issuer + ".key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "30", "-extfile", "extensions.cnf",
                "-extensions", section);
    }

    /** Concatenates files of the folder into {@code target}, in the given order. */
    void concatenate(String target, String... sources) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String source : sources) {
            text.append(Files.readString(folder.resolve(source)));
        }
        Files.writeString(folder.resolve(target), text.toString());
    }

    String read(String name) throws IOException {
        return Files.readString(folder.resolve(name));
    }
}
