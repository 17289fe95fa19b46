package org.driverhost.secrets.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.driverhost.secrets.SecretException;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final String KEY_ID = "0123456789ab";
    private static final String BODY = Base64.getEncoder().encodeToString(new byte[40]);

    @Test
    void parsesKeyIdAndPayload() throws Exception {
        Envelope envelope = Envelope.parse("{aes256gcm:v1:" + KEY_ID + "}" + BODY);

        assertEquals(KEY_ID, envelope.keyId());
        assertEquals(40, envelope.payload().length);
        assertEquals("{aes256gcm:v1:" + KEY_ID + "}" + BODY, envelope.format());
    }

    @Test
    void recognisesHeaderOnly() {
        assertTrue(Envelope.isEnvelope("{aes256gcm:v1:whatever"));
        assertFalse(Envelope.isEnvelope("{aes128gcm:v1:" + KEY_ID + "}" + BODY));
        assertFalse(Envelope.isEnvelope(null));
        assertFalse(Envelope.isEnvelope(""));
    }

    @Test
    void rejectsMalformedEnvelopes() {
        assertRejected(null, "missing");
        assertRejected("plain", "does not start with");
        assertRejected("{aes256gcm:v1:" + KEY_ID + BODY, "no closing");
        assertRejected("{aes256gcm:v1:XYZ}" + BODY, "key id has 3 characters");
        assertRejected("{aes256gcm:v1:0123456789AB}" + BODY, "12 lowercase hex");
        assertRejected("{aes256gcm:v1:" + KEY_ID + "}not*base64", "not valid Base64");
        assertRejected("{aes256gcm:v1:" + KEY_ID + "}" + Base64.getEncoder().encodeToString(new byte[27]), "27 bytes");
        assertRejected("{aes256gcm:v1:" + KEY_ID + "}", "0 bytes");
    }

    private static void assertRejected(String value, String expected) {
        SecretException e = assertThrows(SecretException.class, () -> Envelope.parse(value), String.valueOf(value));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
