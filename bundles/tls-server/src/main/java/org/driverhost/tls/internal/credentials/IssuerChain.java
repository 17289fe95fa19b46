package org.driverhost.tls.internal.credentials;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts chain certificates in the order a TLS server sends them: the leaf's issuer first, then that
 * certificate's issuer, up to a self-signed root or the last issuer given. Duplicates, copies of the leaf,
 * and certificates that issue nothing on that path are left out of the path.
 *
 * @param issuers the issuer path, nearest issuer first
 * @param unrelated given certificates that are not on the path, in the given order
 * @param authorities given CA certificates and self-signed roots, path first: the certificates that client
 *     certificates are verified against
 */
record IssuerChain(List<X509Certificate> issuers, List<X509Certificate> unrelated,
        List<X509Certificate> authorities) {

    IssuerChain {
        issuers = List.copyOf(issuers);
        unrelated = List.copyOf(unrelated);
        authorities = List.copyOf(authorities);
    }

    /** Orders {@code candidates} as the issuer path of {@code leaf}. */
    static IssuerChain of(X509Certificate leaf, List<X509Certificate> candidates) {
        List<X509Certificate> remaining = new ArrayList<>();
        for (X509Certificate certificate : candidates) {
            // X509Certificate.equals compares the DER encodings, so this drops exact copies only.
            if (!certificate.equals(leaf) && !remaining.contains(certificate)) {
                remaining.add(certificate);
            }
        }

        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = leaf;
        while (!isSelfSigned(current)) {
            X509Certificate issuer = findIssuer(current, remaining);
            if (issuer == null) {
                break;
            }
            path.add(issuer);
            remaining.remove(issuer);
            current = issuer;
        }

        List<X509Certificate> authorities = new ArrayList<>();
        for (X509Certificate certificate : path) {
            addIfAuthority(authorities, certificate);
        }
        for (X509Certificate certificate : remaining) {
            addIfAuthority(authorities, certificate);
        }
        return new IssuerChain(path, remaining, authorities);
    }

    /**
     * Returns the certificate that issued {@code subject}: one whose name matches and whose key verifies
     * the signature, or failing that the first whose name matches.
     */
    private static X509Certificate findIssuer(X509Certificate subject, List<X509Certificate> candidates) {
        X509Certificate byName = null;
        for (X509Certificate candidate : candidates) {
            if (!candidate.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
                continue;
            }
            if (verifies(subject, candidate.getPublicKey())) {
                return candidate;
            }
            if (byName == null) {
                byName = candidate;
            }
        }
        return byName;
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && verifies(certificate, certificate.getPublicKey());
    }

    private static boolean verifies(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static void addIfAuthority(List<X509Certificate> authorities, X509Certificate certificate) {
        // A version 1 root has no basic constraints, so being self-signed is what marks it as a CA.
        if (certificate.getBasicConstraints() >= 0 || isSelfSigned(certificate)) {
            authorities.add(certificate);
        }
    }
}
