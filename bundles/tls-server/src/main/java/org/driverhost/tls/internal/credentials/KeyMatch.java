package org.driverhost.tls.internal.credentials;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Tells whether a private key belongs to a certificate, by deriving the public key from the private key and
 * comparing it with the certificate's, as OpenSSL's {@code SSL_CTX_check_private_key} does.
 */
final class KeyMatch {

    private KeyMatch() {
    }

    /**
     * Returns whether {@code key} is the private half of the certificate's public key. A key type other
     * than RSA, EC, Ed25519 and Ed448 never matches.
     *
     * @throws IOException when either key cannot be decoded
     */
    static boolean matches(PrivateKeyInfo key, X509Certificate certificate) throws IOException {
        AsymmetricKeyParameter privateKey = PrivateKeyFactory.createKey(key);
        AsymmetricKeyParameter publicKey = PublicKeyFactory.createKey(
                SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));

        if (privateKey instanceof RSAKeyParameters rsa && publicKey instanceof RSAKeyParameters rsaPublic) {
            return matchesRsa(rsa, rsaPublic);
        }
        if (privateKey instanceof ECPrivateKeyParameters ec && publicKey instanceof ECPublicKeyParameters ecPublic) {
            ECPoint derived = new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD());
            return ec.getParameters().getCurve().equals(ecPublic.getParameters().getCurve())
                    && derived.normalize().equals(ecPublic.getQ().normalize());
        }
        if (privateKey instanceof Ed25519PrivateKeyParameters ed
                && publicKey instanceof Ed25519PublicKeyParameters edPublic) {
            return Arrays.equals(ed.generatePublicKey().getEncoded(), edPublic.getEncoded());
        }
        if (privateKey instanceof Ed448PrivateKeyParameters ed && publicKey instanceof Ed448PublicKeyParameters edPublic) {
            return Arrays.equals(ed.generatePublicKey().getEncoded(), edPublic.getEncoded());
        }
        return false;
    }

    private static boolean matchesRsa(RSAKeyParameters key, RSAKeyParameters publicKey) {
        if (!key.getModulus().equals(publicKey.getModulus())) {
            return false;
        }
        // A key without CRT values carries the private exponent only, so the modulus is all there is to compare.
        return !(key instanceof RSAPrivateCrtKeyParameters crt)
                || crt.getPublicExponent().equals(publicKey.getExponent());
    }
}
