package org.driverhost.tls.internal.credentials;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The key types that the JDK 17 TLS stack can serve a certificate with: RSA, ECDSA on the NIST curves
 * P-256, P-384 and P-521, and Ed25519 or Ed448. JDK 17 offers no other curve for TLS signatures.
 */
final class KeyType {

    static final String ACCEPTED = "use an RSA, EC (P-256, P-384, P-521), Ed25519 or Ed448 key";

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private KeyType() {
    }

    /** Returns a name for the certificate's key type, such as {@code EC P-384}, or null when unsupported. */
    static String supportedName(X509Certificate certificate) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return "RSA";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return "Ed25519";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "Ed448";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            ASN1Primitive parameters = info.getAlgorithm().getParameters().toASN1Primitive();
            String curve = parameters instanceof ASN1ObjectIdentifier oid ? CURVES.get(oid) : null;
            return curve == null ? null : "EC " + curve;
        }
        return null;
    }

    /** Returns the certificate's key algorithm for messages, with the curve OID when there is one. */
    static String describe(X509Certificate certificate) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            return algorithm + " on curve " + curve.getId();
        }
        return algorithm;
    }
}
