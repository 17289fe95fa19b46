package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.ssl.ClientAuth;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyModeTest {

    @ParameterizedTest(name = "verifyMode 0x{0}")
    @CsvSource({"00, OPTIONAL", "01, NONE", "02, OPTIONAL", "06, REQUIRE", "0A, OPTIONAL", "0E, REQUIRE"})
    void validModesMapToClientAuth(String verifyMode, ClientAuth expected) throws ServerException {
        assertEquals(expected, VerifyMode.clientAuth(Long.parseLong(verifyMode, 16)));
    }

    @ParameterizedTest(name = "verifyMode 0x{0}")
    @CsvSource(delimiter = '|', value = {
        "03 | invalid verifyMode 0x03: SSL_VERIFY_NONE (0x01) contradicts SSL_VERIFY_PEER (0x02); set only one of them",
        "07 | invalid verifyMode 0x07: SSL_VERIFY_NONE (0x01) contradicts SSL_VERIFY_PEER (0x02); set only one of them",
        "0B | invalid verifyMode 0x0B: SSL_VERIFY_NONE (0x01) contradicts SSL_VERIFY_PEER (0x02); set only one of them",
        "0F | invalid verifyMode 0x0F: SSL_VERIFY_NONE (0x01) contradicts SSL_VERIFY_PEER (0x02); set only one of them",
        "04 | invalid verifyMode 0x04: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)",
        "05 | invalid verifyMode 0x05: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)",
        "0C | invalid verifyMode 0x0C: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)",
        "0D | invalid verifyMode 0x0D: SSL_VERIFY_FAIL_IF_NO_PEER_CERT (0x04) requires SSL_VERIFY_PEER (0x02)",
        "08 | invalid verifyMode 0x08: SSL_VERIFY_CLIENT_ONCE (0x08) requires SSL_VERIFY_PEER (0x02)",
        "09 | invalid verifyMode 0x09: SSL_VERIFY_CLIENT_ONCE (0x08) requires SSL_VERIFY_PEER (0x02)",
    })
    void meaninglessCombinationsAreRejected(String verifyMode, String message) {
        ServerException error = assertThrows(ServerException.class,
                () -> VerifyMode.clientAuth(Long.parseLong(verifyMode, 16)));

        assertEquals(message, error.getMessage());
    }

    @Test
    void bitsAboveFAreRejected() {
        ServerException error = assertThrows(ServerException.class, () -> VerifyMode.clientAuth(0x1A));

        assertEquals("invalid verifyMode 0x1A: only the bits 0x01 SSL_VERIFY_NONE, 0x02 SSL_VERIFY_PEER, "
                + "0x04 SSL_VERIFY_FAIL_IF_NO_PEER_CERT and 0x08 SSL_VERIFY_CLIENT_ONCE are accepted, "
                + "or 0 for the default 0x0A", error.getMessage());
    }

    @Test
    void negativeValueIsRejected() {
        ServerException error = assertThrows(ServerException.class, () -> VerifyMode.clientAuth(-2));

        assertEquals("invalid verifyMode 0xFFFFFFFFFFFFFFFE: only the bits 0x01 SSL_VERIFY_NONE, 0x02 SSL_VERIFY_PEER, "
                + "0x04 SSL_VERIFY_FAIL_IF_NO_PEER_CERT and 0x08 SSL_VERIFY_CLIENT_ONCE are accepted, "
                + "or 0 for the default 0x0A", error.getMessage());
    }
}
