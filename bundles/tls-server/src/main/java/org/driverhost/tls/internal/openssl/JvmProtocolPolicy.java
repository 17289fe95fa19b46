package org.driverhost.tls.internal.openssl;

import java.security.NoSuchAlgorithmException;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.driverhost.tls.ServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS versions this JVM lets a server use. JDK 17's default {@code java.security} lists TLSv1 and
 * TLSv1.1 in {@code jdk.tls.disabledAlgorithms}, so a driver that leaves TLS 1.0/1.1 on gets a warning and
 * is served with the newer versions only, which is what OpenSSL 3.0 at its default security level does too.
 */
public final class JvmProtocolPolicy {

    static final String DISABLED_ALGORITHMS = "jdk.tls.disabledAlgorithms";

    private static final Logger LOG = LoggerFactory.getLogger(JvmProtocolPolicy.class);

    private final Set<String> supported;
    private final Set<String> enabledByDefault;
    private final Set<String> disabled;

    /**
     * @param supported protocols the JSSE provider implements
     * @param enabledByDefault protocols a server engine enables when none are set explicitly
     * @param disabledAlgorithms the value of {@code jdk.tls.disabledAlgorithms}, or null
     */
    JvmProtocolPolicy(List<String> supported, List<String> enabledByDefault, String disabledAlgorithms) {
        this.supported = Set.copyOf(supported);
        this.enabledByDefault = Set.copyOf(enabledByDefault);
        this.disabled = parseDisabled(disabledAlgorithms);
    }

    /** Reads the policy of the running JVM: its default TLS context and its security properties. */
    public static JvmProtocolPolicy current() {
        try {
            SSLContext context = SSLContext.getDefault();
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            return new JvmProtocolPolicy(Arrays.asList(context.getSupportedSSLParameters().getProtocols()),
                    Arrays.asList(engine.getEnabledProtocols()), Security.getProperty(DISABLED_ALGORITHMS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS implementation", e);
        }
    }

    /**
     * Returns the protocols of {@code options} that this JVM allows, newest first. Each protocol it forbids
     * gets a warning that names {@code server} and how to allow it.
     *
     * @throws ServerException when the JVM forbids every protocol the options leave on
     */
    public List<String> permit(ProtocolOptions options, Object server) throws ServerException {
        if (options.asksForSsl()) {
            LOG.info("{}: options 0x{} leave SSLv2 or SSLv3 on, but neither is supported; "
                    + "serving TLS only", server, hex(options.effective()));
        }

        List<String> permitted = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (String protocol : options.requested()) {
            Optional<String> reason = refusal(protocol);
            if (reason.isEmpty()) {
                permitted.add(protocol);
            } else {
                refusals.add(new Refusal(protocol, reason.get()));
            }
        }

        if (permitted.isEmpty()) {
            String forbidden = refusals.stream().map(Refusal::toString).collect(Collectors.joining(", "));
            throw new ServerException(String.format("invalid options 0x%X: this JVM forbids every protocol it "
                    + "leaves on: %s; clear the bit of a protocol the JVM allows (TLS 1.2 and TLS 1.3 by default), "
                    + "or allow the protocol in %s (the JVM's conf/security/java.security file, or a file "
                    + "passed with -Djava.security.properties=FILE) and restart", options.options(), forbidden,
                    DISABLED_ALGORITHMS));
        }
        for (Refusal refused : refusals) {
            LOG.warn(forbiddenWarning(refused.protocol(), server, refused.reason()));
        }
        return List.copyOf(permitted);
    }

    /** Returns why the JVM forbids a protocol, or empty when it allows it. */
    Optional<String> refusal(String protocol) {
        if (!supported.contains(protocol)) {
            return Optional.of("this JVM does not implement it");
        }
        if (disabled.contains(protocol.toLowerCase(Locale.ROOT))) {
            return Optional.of("listed in " + DISABLED_ALGORITHMS);
        }
        if (!enabledByDefault.contains(protocol)) {
            return Optional.of("not enabled for servers by this JVM's TLS defaults");
        }
        return Optional.empty();
    }

    /** Builds the warning for a protocol the driver left on but the JVM forbids. */
    static String forbiddenWarning(String protocol, Object server, String reason) {
        return String.format("%s: %s stays off although the options leave it on, because this JVM forbids it (%s); "
                + "serving the other protocols. To allow it, set %s without %s in the JVM's "
                + "conf/security/java.security, or in a file passed with -Djava.security.properties=FILE, "
                + "and restart; to silence this warning, set %s in the options", server, protocol, reason,
                DISABLED_ALGORITHMS, protocol, ProtocolOptions.offBitName(protocol));
    }

    /** Returns the bare protocol names of the property; entries with constraints name algorithms, not protocols. */
    private static Set<String> parseDisabled(String disabledAlgorithms) {
        if (disabledAlgorithms == null) {
            return Set.of();
        }
        return Arrays.stream(disabledAlgorithms.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty() && !entry.contains(" "))
                .map(entry -> entry.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private record Refusal(String protocol, String reason) {

        @Override
        public String toString() {
            return protocol + " (" + reason + ")";
        }
    }

    private static String hex(long value) {
        return Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
