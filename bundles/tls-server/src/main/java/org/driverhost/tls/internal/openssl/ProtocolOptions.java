package org.driverhost.tls.internal.openssl;

import java.util.ArrayList;
import java.util.List;
import org.driverhost.tls.ServerException;

/**
 * The protocol set that OpenSSL {@code SSL_OP_*} option bits select, as {@code C4:CreateTLSServer} defines
 * them: 0x01 bug workarounds, 0x02 no compression, 0x04 no SSLv2, 0x08 no SSLv3, 0x10 no TLS 1.0, 0x20 no
 * TLS 1.1, 0x40 no TLS 1.2, 0x80 no TLS 1.3, and 0 for the default 0x3D (TLS 1.2 and 1.3).
 *
 * <p>Bits 0x01 and 0x02 have no JSSE counterpart: JSSE applies no such workarounds and never compresses.
 * SSLv2 and SSLv3 are never served, so bits 0x04 and 0x08 change nothing.
 */
public final class ProtocolOptions {

    /** The value that {@code options} 0 stands for. */
    public static final long DEFAULT_OPTIONS = 0x3D;

    private static final long NO_SSLV2 = 0x04;
    private static final long NO_SSLV3 = 0x08;
    private static final long ACCEPTED_BITS = 0xFF;

    /** JSSE protocol names and the bit that switches each off, newest first. */
    private static final List<Protocol> TLS_PROTOCOLS = List.of(
            new Protocol("TLSv1.3", 0x80, "SSL_OP_NO_TLSv1_3"),
            new Protocol("TLSv1.2", 0x40, "SSL_OP_NO_TLSv1_2"),
            new Protocol("TLSv1.1", 0x20, "SSL_OP_NO_TLSv1_1"),
            new Protocol("TLSv1", 0x10, "SSL_OP_NO_TLSv1"));

    private final long options;
    private final long effective;
    private final List<String> requested;

    private ProtocolOptions(long options, long effective, List<String> requested) {
        this.options = options;
        this.effective = effective;
        this.requested = List.copyOf(requested);
    }

    /**
     * Parses the {@code options} parameter.
     *
     * @throws ServerException when bits above 0xFF are set or the bits switch off every TLS version
     */
    public static ProtocolOptions protocols(long options) throws ServerException {
        if ((options & ~ACCEPTED_BITS) != 0) {
            throw new ServerException(String.format("invalid options 0x%X: only the bits 0x01 to 0x80 are accepted "
                    + "(0x01 workarounds, 0x02 no compression, 0x04 no SSLv2, 0x08 no SSLv3, 0x10 no TLS 1.0, "
                    + "0x20 no TLS 1.1, 0x40 no TLS 1.2, 0x80 no TLS 1.3), or 0 for the default 0x3D", options));
        }
        long effective = options == 0 ? DEFAULT_OPTIONS : options;

        List<String> requested = new ArrayList<>();
        for (Protocol protocol : TLS_PROTOCOLS) {
            if ((effective & protocol.offBit()) == 0) {
                requested.add(protocol.jsseName());
            }
        }
        if (requested.isEmpty()) {
            throw new ServerException(String.format("invalid options 0x%X: it switches off every TLS version "
                    + "(0x10, 0x20, 0x40 and 0x80 are all set); clear at least one of them, for example 0x3D "
                    + "leaves TLS 1.2 and TLS 1.3 on", options));
        }
        return new ProtocolOptions(options, effective, requested);
    }

    /** Returns the value as the driver gave it. */
    public long options() {
        return options;
    }

    /** Returns the bits in force: the driver's value, or {@link #DEFAULT_OPTIONS} for 0. */
    public long effective() {
        return effective;
    }

    /** Returns the JSSE names of the TLS versions the bits leave on, newest first. */
    public List<String> requested() {
        return requested;
    }

    /** Returns whether the bits leave SSLv2 or SSLv3 on, which this server can never honour. */
    public boolean asksForSsl() {
        return (effective & (NO_SSLV2 | NO_SSLV3)) != (NO_SSLV2 | NO_SSLV3);
    }

    /** Returns the OpenSSL name of the bit that switches off a JSSE protocol, such as {@code SSL_OP_NO_TLSv1_1}. */
    static String offBitName(String jsseName) {
        for (Protocol protocol : TLS_PROTOCOLS) {
            if (protocol.jsseName().equals(jsseName)) {
                return String.format("%s (0x%02X)", protocol.openSslName(), protocol.offBit());
            }
        }
        throw new IllegalArgumentException("not a TLS protocol name: " + jsseName);
    }

    @Override
    public String toString() {
        return String.format("options 0x%X %s", effective, requested);
    }

    private record Protocol(String jsseName, long offBit, String openSslName) {
    }
}
