package org.driverhost.tls.internal.credentials;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds certificates outside their validity period. OpenSSL serves such certificates and leaves the
 * judgement to the client, so DriverHost serves them too and only warns.
 */
final class ValidityCheck {

    private final Clock clock;

    ValidityCheck(Clock clock) {
        this.clock = clock;
    }

    /** Returns one warning per certificate that has expired or is not yet valid, naming subject and dates. */
    List<String> warnings(List<X509Certificate> certificates) {
        Instant now = clock.instant();
        List<String> warnings = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            Instant notBefore = certificate.getNotBefore().toInstant();
            Instant notAfter = certificate.getNotAfter().toInstant();
            String period = " (valid from " + notBefore + " to " + notAfter + ")";
            if (now.isAfter(notAfter)) {
                warnings.add("certificate " + certificate.getSubjectX500Principal().getName() + " expired on "
                        + notAfter + period);
            } else if (now.isBefore(notBefore)) {
                warnings.add("certificate " + certificate.getSubjectX500Principal().getName()
                        + " is not valid before " + notBefore + period);
            }
        }
        return warnings;
    }
}
