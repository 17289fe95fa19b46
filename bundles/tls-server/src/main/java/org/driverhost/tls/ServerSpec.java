package org.driverhost.tls;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The server a driver requests: the ten parameters of {@code C4:CreateTLSServer}, or the plain TCP or UDP
 * form of {@code C4:CreateServer}, plus the owner and the folders that relative file paths resolve against.
 * Values are kept as the driver gave them, and the service validates them when the server starts.
 */
public final class ServerSpec {

    private final String owner;
    private final int port;
    private final byte[] delimiter;
    private final boolean tls;
    private final boolean udp;
    private final long options;
    private final long verifyMode;
    private final String cipherList;
    private final String certificate;
    private final String privateKey;
    private final SealedPassword password;
    private final String chain;
    private final String identifier;
    private final List<Path> fileRoots;
    private final String bindAddress;

    private ServerSpec(Builder builder) {
        this.owner = Objects.requireNonNull(builder.owner, "owner");
        this.port = builder.port;
        this.delimiter = builder.delimiter.clone();
        this.tls = builder.tls;
        this.udp = builder.udp;
        this.options = builder.options;
        this.verifyMode = builder.verifyMode;
        this.cipherList = builder.cipherList;
        this.certificate = builder.certificate;
        this.privateKey = builder.privateKey;
        this.password = builder.password;
        this.chain = builder.chain;
        this.identifier = builder.identifier;
        this.fileRoots = List.copyOf(builder.fileRoots);
        this.bindAddress = builder.bindAddress;
    }

    /** Starts a spec for a TLS server owned by {@code owner}, for example a driver's name. */
    public static Builder tls(String owner, int port) {
        return new Builder(owner, port, true, false);
    }

    /** Starts a spec for a plain TCP server owned by {@code owner}. */
    public static Builder plain(String owner, int port) {
        return new Builder(owner, port, false, false);
    }

    /**
     * Starts a spec for a UDP server owned by {@code owner}. A UDP server and a TCP server may use the same
     * port number.
     *
     * @since 1.1.0
     */
    public static Builder udp(String owner, int port) {
        return new Builder(owner, port, false, true);
    }

    public String owner() {
        return owner;
    }

    public int port() {
        return port;
    }

    /** Returns a copy of the delimiter bytes; empty means data is delivered as read. */
    public byte[] delimiter() {
        return delimiter.clone();
    }

    public boolean isTls() {
        return tls;
    }

    /**
     * Returns whether this is a UDP server.
     *
     * @since 1.1.0
     */
    public boolean isUdp() {
        return udp;
    }

    /** Returns the OpenSSL {@code SSL_OP_*} bits; 0 means the default set. */
    public long options() {
        return options;
    }

    /** Returns the OpenSSL {@code SSL_VERIFY_*} bits; 0 means the default mode. */
    public long verifyMode() {
        return verifyMode;
    }

    /** Returns the OpenSSL cipher string; empty means the default string. */
    public String cipherList() {
        return cipherList;
    }

    /** Returns a PEM certificate, or the path of a PEM or PKCS#12 file. */
    public String certificate() {
        return certificate;
    }

    /** Returns a PEM private key, or the path of a PEM file; ignored with PKCS#12. */
    public String privateKey() {
        return privateKey;
    }

    public SealedPassword password() {
        return password;
    }

    /** Returns PEM chain certificates, or the path of a PEM file; empty when none. */
    public String chain() {
        return chain;
    }

    /** Returns the driver's identifier for this server, or null. */
    public String identifier() {
        return identifier;
    }

    /** Returns the folders that relative paths resolve against, in order. */
    public List<Path> fileRoots() {
        return fileRoots;
    }

    /**
     * Returns the IP address this server listens on, or null to use the service's {@code bindAddress} setting.
     *
     * @since 1.1.0
     */
    public String bindAddress() {
        return bindAddress;
    }

    @Override
    public String toString() {
        return protocol() + " server of " + owner + " on port " + port
                + (identifier == null ? "" : " (" + identifier + ")");
    }

    private String protocol() {
        if (tls) {
            return "TLS";
        }
        return udp ? "UDP" : "TCP";
    }

    /** Collects the parameters of a {@link ServerSpec}. */
    public static final class Builder {

        private final String owner;
        private final int port;
        private final boolean tls;
        private final boolean udp;
        private byte[] delimiter = new byte[0];
        private long options;
        private long verifyMode;
        private String cipherList = "";
        private String certificate = "";
        private String privateKey = "";
        private SealedPassword password = SealedPassword.EMPTY;
        private String chain = "";
        private String identifier;
        private List<Path> fileRoots = List.of();
        private String bindAddress;

        private Builder(String owner, int port, boolean tls, boolean udp) {
            this.owner = owner;
            this.port = port;
            this.tls = tls;
            this.udp = udp;
        }

        public Builder delimiter(byte[] value) {
            this.delimiter = Arrays.copyOf(value, value.length);
            return this;
        }

        public Builder options(long value) {
            this.options = value;
            return this;
        }

        public Builder verifyMode(long value) {
            this.verifyMode = value;
            return this;
        }

        public Builder cipherList(String value) {
            this.cipherList = value == null ? "" : value;
            return this;
        }

        public Builder certificate(String value) {
            this.certificate = value == null ? "" : value;
            return this;
        }

        public Builder privateKey(String value) {
            this.privateKey = value == null ? "" : value;
            return this;
        }

        public Builder password(SealedPassword value) {
            this.password = value == null ? SealedPassword.EMPTY : value;
            return this;
        }

        public Builder chain(String value) {
            this.chain = value == null ? "" : value;
            return this;
        }

        public Builder identifier(String value) {
            this.identifier = value;
            return this;
        }

        public Builder fileRoots(List<Path> value) {
            this.fileRoots = List.copyOf(value);
            return this;
        }

        /**
         * Sets the IP address to listen on; null or blank uses the service's {@code bindAddress} setting.
         *
         * @since 1.1.0
         */
        public Builder bindAddress(String value) {
            this.bindAddress = value == null || value.isBlank() ? null : value.trim();
            return this;
        }

        public ServerSpec build() {
            return new ServerSpec(this);
        }
    }
}
