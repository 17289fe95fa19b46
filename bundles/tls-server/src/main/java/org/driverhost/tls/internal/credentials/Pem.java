package org.driverhost.tls.internal.credentials;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.openssl.PEMParser;

/** Opens BouncyCastle's PEM parser on a source's bytes. */
final class Pem {

    private Pem() {
    }

    static PEMParser parser(SourceText source) {
        // PEM is ASCII. ISO-8859-1 maps every byte to one char, so stray bytes cannot fail the decoding.
        return new PEMParser(new InputStreamReader(new ByteArrayInputStream(source.bytes()), StandardCharsets.ISO_8859_1));
    }
}
