package org.driverhost.tls.internal.openssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolOptionsTest {

    @ParameterizedTest(name = "options 0x{0}")
    @CsvSource(delimiter = '|', value = {
        "00 | TLSv1.3 TLSv1.2",
        "3D | TLSv1.3 TLSv1.2",
        "BD | TLSv1.2",
        "7D | TLSv1.3",
        "0D | TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "01 | TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "02 | TLSv1.3 TLSv1.2 TLSv1.1 TLSv1",
        "2C | TLSv1.3 TLSv1.2 TLSv1",
        "DC | TLSv1.1",
        "EC | TLSv1",
        "B0 | TLSv1.2",
    })
    void bitsSelectProtocolsNewestFirst(String options, String protocols) throws ServerException {
        ProtocolOptions parsed = ProtocolOptions.protocols(Long.parseLong(options, 16));

        assertEquals(List.of(protocols.split(" ")), parsed.requested());
    }

    @Test
    void zeroMeansDefault() throws ServerException {
        ProtocolOptions parsed = ProtocolOptions.protocols(0);

        assertEquals(0x3D, parsed.effective());
        assertEquals(0, parsed.options());
        assertFalse(parsed.asksForSsl());
    }

    @Test
    void clearSslBitsAskForSsl() throws ServerException {
        assertTrue(ProtocolOptions.protocols(0x01).asksForSsl());
        assertTrue(ProtocolOptions.protocols(0x09).asksForSsl());
        assertTrue(ProtocolOptions.protocols(0x05).asksForSsl());
        assertFalse(ProtocolOptions.protocols(0x0C).asksForSsl());
    }

    @Test
    void bitsAboveFfAreRejected() {
        ServerException error = assertThrows(ServerException.class, () -> ProtocolOptions.protocols(0x13D));

        assertTrue(error.getMessage().startsWith("invalid options 0x13D: only the bits 0x01 to 0x80 are accepted"),
                error::getMessage);
        assertTrue(error.getMessage().contains("0x80 no TLS 1.3"), error::getMessage);
    }

    @Test
    void negativeValueIsRejected() {
        ServerException error = assertThrows(ServerException.class, () -> ProtocolOptions.protocols(-1));

        assertTrue(error.getMessage().startsWith("invalid options 0xFFFFFFFFFFFFFFFF:"), error::getMessage);
    }

    @Test
    void everyVersionOffIsRejected() {
        for (long options : new long[] {0xF0, 0xFD, 0xFF}) {
            ServerException error = assertThrows(ServerException.class, () -> ProtocolOptions.protocols(options));

            assertTrue(error.getMessage().startsWith(String.format("invalid options 0x%X: it switches off every "
                    + "TLS version", options)), error::getMessage);
        }
    }
}
