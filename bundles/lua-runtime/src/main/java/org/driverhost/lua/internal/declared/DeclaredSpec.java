package org.driverhost.lua.internal.declared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerSpec;

/**
 * The parsed values of one {@code org.driverhost.tls.server} configuration, without the password, which stays an
 * envelope in Config Admin until a server is started from it.
 */
record DeclaredSpec(String driver, int port, String delimiter, long options, long verifyMode, String cipherList,
        String certificate, String privateKey, String chain, String identifier, String bindAddress,
        String passwordValue) {

    private static final String PORT_RANGE = "a number from 1 to 65535";
    private static final String BITS = "a number from 0 to 0xFFFFFFFF, decimal or 0x hexadecimal";

    /** Parses a configuration; the messages name the key and value and say what is accepted. */
    static DeclaredSpec parse(Dictionary<String, ?> properties) throws InvalidSpecException {
        String driver = text(properties, "driver");
        if (driver.isEmpty()) {
            throw new InvalidSpecException("missing driver: name the driver instance that receives the callbacks");
        }
        String certificate = text(properties, "certificate");
        if (certificate.isEmpty()) {
            throw new InvalidSpecException("missing certificate: give PEM text or a path to a PEM or PKCS#12 file");
        }
        return new DeclaredSpec(driver, (int) number(properties, "port", 1, 65535, PORT_RANGE),
                text(properties, "delimiter"), number(properties, "options", 0, 0xFFFFFFFFL, BITS),
                number(properties, "verifyMode", 0, 0xFFFFFFFFL, BITS), text(properties, "cipherList"), certificate,
                text(properties, "privateKey"), text(properties, "chain"), text(properties, "identifier"),
                text(properties, "bindAddress"), text(properties, "password"));
    }

    /** Returns whether a running server can take this spec in place: same driver, port, delimiter, address and identifier. */
    boolean sameEndpoint(DeclaredSpec other) {
        return other != null && driver.equals(other.driver) && port == other.port
                && delimiter.equals(other.delimiter) && bindAddress.equals(other.bindAddress)
                && identifier.equals(other.identifier);
    }

    /** Builds the service's spec with a password that is sealed already. */
    ServerSpec toServerSpec(List<Path> fileRoots, SealedPassword password) {
        return ServerSpec.tls(driver, port)
                .delimiter(delimiter.getBytes(StandardCharsets.UTF_8))
                .options(options)
                .verifyMode(verifyMode)
                .cipherList(cipherList)
                .certificate(certificate)
                .privateKey(privateKey)
                .password(password)
                .chain(chain)
                .identifier(identifier.isEmpty() ? null : identifier)
                .bindAddress(bindAddress)
                .fileRoots(fileRoots)
                .build();
    }

    @Override
    public String toString() {
        // The password value is left out, encrypted or not.
        return "TLS server of " + driver + " on port " + port + (identifier.isEmpty() ? "" : " (" + identifier + ")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeclaredSpec spec && sameEndpoint(spec) && options == spec.options
                && verifyMode == spec.verifyMode && cipherList.equals(spec.cipherList)
                && certificate.equals(spec.certificate) && privateKey.equals(spec.privateKey)
                && chain.equals(spec.chain) && passwordValue.equals(spec.passwordValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(driver, port, certificate);
    }

    private static String text(Dictionary<String, ?> properties, String key) {
        Object value = properties.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Dictionary<String, ?> properties, String key, long min, long max, String accepted)
            throws InvalidSpecException {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            if (min > 0) {
                throw new InvalidSpecException("missing " + key + ": expected " + accepted);
            }
            return 0;
        }
        long parsed;
        if (value instanceof Number number) {
            parsed = number.longValue();
        } else {
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            try {
                parsed = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("invalid " + key + " \"" + value + "\": expected " + accepted);
            }
        }
        if (parsed < min || parsed > max) {
            throw new InvalidSpecException("invalid " + key + " " + value + ": expected " + accepted);
        }
        return parsed;
    }
}
