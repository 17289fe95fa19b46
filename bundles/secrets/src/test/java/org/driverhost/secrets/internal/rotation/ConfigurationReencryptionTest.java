package org.driverhost.secrets.internal.rotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.Test;

class ConfigurationReencryptionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MasterKey oldKey = MasterKey.generate(RANDOM);
    private final MasterKey newKey = MasterKey.generate(RANDOM);
    private final KeyRingCodec codec = new KeyRingCodec(RANDOM);

    @Test
    void envelopesOfOldKeyMoveToNewKey() throws Exception {
        codec.use(KeyRing.of(oldKey));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("password", codec.encrypt("one".toCharArray()));
        properties.put("others", new String[] {codec.encrypt("two".toCharArray()), "plain"});
        properties.put("port", "8443");
        codec.use(KeyRing.of(newKey, oldKey));
        List<String> skipped = new ArrayList<>();

        ConfigurationReencryption.Result result = new ConfigurationReencryption(codec, newKey.id())
                .reencrypt("pid", properties, skipped);

        assertEquals(2, result.count());
        String password = (String) result.updated().get("password");
        String[] others = (String[]) result.updated().get("others");
        assertEquals(newKey.id(), codec.keyIdOf(password));
        assertEquals(newKey.id(), codec.keyIdOf(others[0]));
        assertEquals("plain", others[1]);
        codec.use(KeyRing.of(newKey));
        assertArrayEquals("one".toCharArray(), codec.decrypt(password));
        assertArrayEquals("two".toCharArray(), codec.decrypt(others[0]));
        assertTrue(skipped.isEmpty());
    }

    @Test
    void envelopesOfNewKeyAreLeftAlone() throws Exception {
        codec.use(KeyRing.of(newKey, oldKey));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("password", codec.encrypt("one".toCharArray()));

        ConfigurationReencryption.Result result = new ConfigurationReencryption(codec, newKey.id())
                .reencrypt("pid", properties, new ArrayList<>());

        assertNull(result.updated());
        assertEquals(0, result.count());
    }

    @Test
    void undecryptableEnvelopeIsSkippedWithReason() throws Exception {
        MasterKey lost = MasterKey.generate(RANDOM);
        codec.use(KeyRing.of(lost));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("password", codec.encrypt("one".toCharArray()));
        codec.use(KeyRing.of(newKey, oldKey));
        List<String> skipped = new ArrayList<>();

        ConfigurationReencryption.Result result = new ConfigurationReencryption(codec, newKey.id())
                .reencrypt("pid", properties, skipped);

        assertNull(result.updated());
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).startsWith("pid password: cannot decrypt an envelope with key id " + lost.id()), skipped.get(0));
    }
}
