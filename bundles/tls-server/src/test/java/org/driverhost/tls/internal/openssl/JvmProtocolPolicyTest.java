package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.Test;

class JvmProtocolPolicyTest {

    private static final List<String> SUPPORTED = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");
    private static final String JDK17_DISABLED = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, "
            + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH";

    private final JvmProtocolPolicy jdk17Default =
            new JvmProtocolPolicy(SUPPORTED, List.of("TLSv1.3", "TLSv1.2"), JDK17_DISABLED);
    private final JvmProtocolPolicy legacyAllowed = new JvmProtocolPolicy(SUPPORTED,
            List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"), "SSLv3, RC4, DH keySize < 1024");

    @Test
    void defaultPolicyKeepsNewerVersions() throws ServerException {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), jdk17Default.permit(ProtocolOptions.protocols(0x0D), "server"));
    }

    @Test
    void allowedLegacyVersionsAreKept() throws ServerException {
        assertEquals(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"),
                legacyAllowed.permit(ProtocolOptions.protocols(0x0D), "server"));
    }

    @Test
    void refusalNamesTheCause() {
        assertEquals(Optional.of("listed in jdk.tls.disabledAlgorithms"), jdk17Default.refusal("TLSv1.1"));
        assertEquals(Optional.empty(), jdk17Default.refusal("TLSv1.2"));
        assertEquals(Optional.of("this JVM does not implement it"),
                new JvmProtocolPolicy(List.of("TLSv1.2"), List.of("TLSv1.2"), "").refusal("TLSv1.3"));
        assertEquals(Optional.of("not enabled for servers by this JVM's TLS defaults"),
                new JvmProtocolPolicy(SUPPORTED, List.of("TLSv1.3"), null).refusal("TLSv1.2"));
    }

    @Test
    void constrainedEntriesAreNotProtocols() {
        JvmProtocolPolicy policy = new JvmProtocolPolicy(SUPPORTED, SUPPORTED, "TLSv1.2 keySize < 1024, tlsv1.1");

        assertEquals(Optional.empty(), policy.refusal("TLSv1.2"));
        assertEquals(Optional.of("listed in jdk.tls.disabledAlgorithms"), policy.refusal("TLSv1.1"));
    }

    @Test
    void nothingLeftIsRejected() {
        ServerException error = assertThrows(ServerException.class,
                () -> jdk17Default.permit(ProtocolOptions.protocols(0xCC), "server"));

        assertTrue(error.getMessage().startsWith("invalid options 0xCC: this JVM forbids every protocol it leaves on: "
                + "TLSv1.1 (listed in jdk.tls.disabledAlgorithms), TLSv1 (listed in jdk.tls.disabledAlgorithms)"),
                error::getMessage);
    }

    @Test
    void warningNamesServerAndRemedy() {
        String warning = JvmProtocolPolicy.forbiddenWarning("TLSv1.1", "TLS server of d on port 8443",
                "listed in jdk.tls.disabledAlgorithms");

        assertTrue(warning.startsWith("TLS server of d on port 8443: TLSv1.1 stays off"), warning);
        assertTrue(warning.contains("-Djava.security.properties"), warning);
        assertTrue(warning.contains("set jdk.tls.disabledAlgorithms without TLSv1.1"), warning);
        assertTrue(warning.contains("SSL_OP_NO_TLSv1_1 (0x20)"), warning);
    }

    @Test
    void runningJdkForbidsTls11ByDefault() {
        assertEquals(Optional.empty(), JvmProtocolPolicy.current().refusal("TLSv1.3"));
        assertEquals(Optional.empty(), JvmProtocolPolicy.current().refusal("TLSv1.2"));
        assertTrue(JvmProtocolPolicy.current().refusal("TLSv1.1").isPresent());
    }
}
