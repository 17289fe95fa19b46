package org.driverhost.tls.internal.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.driverhost.tls.ServerException;

/**
 * Reads the CA certificates of the {@code trustStore} setting: a PEM file of one or more certificates, or a
 * PKCS#12 or JKS key store whose trusted certificate entries are used.
 */
public final class TrustStoreFile {

    private TrustStoreFile() {
    }

    /**
     * Returns the CA certificates in the file, or an empty list when {@code path} is blank.
     *
     * @param password the key store password, which the caller zeroes after the call. Empty skips the
     *     integrity check, so a PKCS#12 store whose certificates are encrypted (the JDK and OpenSSL default)
     *     yields none
     * @throws ServerException when the file is missing, unreadable or holds no certificate
     */
    public static List<X509Certificate> load(String path, char[] password) throws ServerException {
        if (path == null || path.isBlank()) {
            return List.of();
        }
        byte[] content = read(path.strip());
        List<X509Certificate> certificates = looksLikePem(content)
                ? parsePem(path, content)
                : parseKeyStore(path, content, password);
        if (certificates.isEmpty()) {
            throw invalid(path, password == null || password.length == 0
                    ? "it holds no readable CA certificate (PKCS#12 stores usually encrypt their certificates, "
                            + "so set trustStorePassword)"
                    : "it holds no CA certificate");
        }
        return certificates;
    }

    private static byte[] read(String path) throws ServerException {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException | InvalidPathException e) {
            throw new ServerException("invalid trustStore setting \"" + path + "\": cannot be read (" + e + "); "
                    + "give the path of a PEM, PKCS#12 or JKS file, or leave it empty", e);
        }
    }

    private static boolean looksLikePem(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----");
    }

    private static List<X509Certificate> parsePem(String path, byte[] content) throws ServerException {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content))) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        } catch (CertificateException e) {
            throw invalid(path, "not a readable PEM certificate file (" + e.getMessage() + ")");
        }
    }

    private static List<X509Certificate> parseKeyStore(String path, byte[] content, char[] password)
            throws ServerException {
        char[] secret = password == null || password.length == 0 ? null : password;
        try {
            KeyStore store = openKeyStore(path, content, secret);
            List<X509Certificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate ca) {
                    certificates.add(ca);
                }
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw invalid(path, "its entries cannot be read (" + e.getMessage() + ")");
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private static KeyStore openKeyStore(String path, byte[] content, char[] secret) throws ServerException {
        for (String type : List.of("PKCS12", "JKS")) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(content), secret);
                return store;
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                    throw invalid(path, "the trustStorePassword setting does not match the file");
                }
            } catch (GeneralSecurityException e) {
                // Try the next type: the content decides which one reads it.
            }
        }
        throw invalid(path, "neither a PEM certificate file nor a PKCS#12 or JKS key store");
    }

    private static ServerException invalid(String path, String reason) {
        return new ServerException("invalid trustStore setting \"" + path + "\": " + reason
                + "; give the path of a PEM, PKCS#12 or JKS file with CA certificates, or leave it empty");
    }
}
