package org.driverhost.tls.internal.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.driverhost.tls.ServerException;
import org.junit.jupiter.api.Test;

/** The trustStorePassword setting, plain or encrypted by the secret storage. */
class TrustStorePasswordTest {

    @Test
    void emptyValueGivesEmptyPassword() throws Exception {
        assertEquals(0, TrustStorePassword.open("", null).length);
    }

    @Test
    void plainValueIsUsedAsItIs() throws Exception {
        assertArrayEquals("store-pass".toCharArray(), TrustStorePassword.open("store-pass", null));
    }

    @Test
    void envelopeIsDecrypted() throws Exception {
        KeyRingCodec codec = codec();
        String envelope = codec.encrypt("store-pass".toCharArray());

        assertArrayEquals("store-pass".toCharArray(), TrustStorePassword.open(envelope, codec));
    }

    @Test
    void envelopeWithoutSecretStorageIsRejected() throws Exception {
        String envelope = codec().encrypt("store-pass".toCharArray());

        ServerException error = assertThrows(ServerException.class, () -> TrustStorePassword.open(envelope, null));
        assertTrue(error.getMessage().startsWith("invalid trustStorePassword"), error.getMessage());
        assertFalse(error.getMessage().contains("store-pass"));
    }

    @Test
    void envelopeOfAnotherKeyIsRejected() throws Exception {
        String envelope = codec().encrypt("store-pass".toCharArray());

        ServerException error = assertThrows(ServerException.class, () -> TrustStorePassword.open(envelope, codec()));
        assertTrue(error.getMessage().contains("cannot be decrypted"), error.getMessage());
    }

    private static KeyRingCodec codec() {
        SecureRandom random = new SecureRandom();
        KeyRingCodec codec = new KeyRingCodec(random);
        codec.use(KeyRing.of(MasterKey.generate(random)));
        return codec;
    }
}
