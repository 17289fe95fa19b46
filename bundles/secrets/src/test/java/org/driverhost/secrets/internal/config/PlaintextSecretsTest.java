package org.driverhost.secrets.internal.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.driverhost.secrets.SecretProperties;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.Test;

class PlaintextSecretsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FACTORY_PID = "org.driverhost.tls.server";
    private static final String PID = FACTORY_PID + "~kitchen";
    private static final SecretProperties PASSWORD_OF_TLS_SERVERS =
            (pid, factoryPid, key) -> FACTORY_PID.equals(factoryPid) && key.equals("password");

    private final KeyRingCodec codec = new KeyRingCodec(RANDOM);
    private final PlaintextSecrets secrets = new PlaintextSecrets(codec, codec::hasKey);

    PlaintextSecretsTest() {
        codec.use(KeyRing.of(MasterKey.generate(RANDOM)));
    }

    private static Dictionary<String, Object> properties(Object password) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", PID);
        properties.put("service.factoryPid", FACTORY_PID);
        properties.put("felix.fileinstall.filename", "file:/karaf/etc/" + PID + ".cfg");
        properties.put("port", "8443");
        properties.put("password", password);
        return properties;
    }

    @Test
    void plaintextSecretIsEncrypted() throws Exception {
        Dictionary<String, Object> properties = properties("hunter2");

        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties, PASSWORD_OF_TLS_SERVERS);

        assertEquals(List.of("password"), outcome.encrypted());
        String envelope = (String) outcome.updated().get("password");
        assertTrue(codec.isEncrypted(envelope));
        assertArrayEquals("hunter2".toCharArray(), codec.decrypt(envelope));
        assertEquals("8443", outcome.updated().get("port"));
        assertEquals("hunter2", properties.get("password"), "the input dictionary is left as it was");
    }

    @Test
    void secondPassChangesNothing() throws Exception {
        PlaintextSecrets.Outcome first = secrets.check(PID, FACTORY_PID, properties("hunter2"), PASSWORD_OF_TLS_SERVERS);

        PlaintextSecrets.Outcome second = secrets.check(PID, FACTORY_PID, first.updated(), PASSWORD_OF_TLS_SERVERS);

        assertNull(second.updated());
        assertTrue(second.encrypted().isEmpty());
    }

    @Test
    void undeclaredPropertiesStayAsTheyAre() {
        PlaintextSecrets.Outcome outcome = secrets.check("other.pid", null, properties("not-a-secret"), PASSWORD_OF_TLS_SERVERS);

        assertNull(outcome.updated());
    }

    @Test
    void emptyPasswordStaysEmpty() {
        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties(""), PASSWORD_OF_TLS_SERVERS);

        assertNull(outcome.updated());
    }

    @Test
    void arrayValuesAreEncryptedElementByElement() throws Exception {
        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties(new String[] {"a", "b"}),
                PASSWORD_OF_TLS_SERVERS);

        String[] envelopes = (String[]) outcome.updated().get("password");
        assertArrayEquals("a".toCharArray(), codec.decrypt(envelopes[0]));
        assertArrayEquals("b".toCharArray(), codec.decrypt(envelopes[1]));
    }

    @Test
    void bookkeepingPropertiesAreNeverEncrypted() {
        SecretProperties everything = (pid, factoryPid, key) -> true;

        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties("x"), everything);

        assertEquals(List.of("password", "port"), outcome.encrypted());
        assertEquals(PID, outcome.updated().get("service.pid"));
        assertEquals("file:/karaf/etc/" + PID + ".cfg", outcome.updated().get("felix.fileinstall.filename"));
    }

    @Test
    void envelopeOfUnknownKeyIsReported() throws Exception {
        KeyRingCodec other = new KeyRingCodec(RANDOM);
        other.use(KeyRing.of(MasterKey.generate(RANDOM)));
        String foreign = other.encrypt("x".toCharArray());

        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties(foreign), PASSWORD_OF_TLS_SERVERS);

        assertNull(outcome.updated());
        assertEquals(List.of("password"), outcome.undecryptable());
    }

    @Test
    void unavailableKeyLeavesPlaintextAndSaysWhy() {
        codec.makeUnavailable("master key file /k is corrupted");

        PlaintextSecrets.Outcome outcome = secrets.check(PID, FACTORY_PID, properties("hunter2"), PASSWORD_OF_TLS_SERVERS);

        assertNull(outcome.updated());
        assertEquals(List.of("password"), outcome.plaintextLeft());
        assertTrue(outcome.failure().contains("/k is corrupted"), outcome.failure());
        assertFalse(outcome.failure().contains("hunter2"));
        assertFalse(outcome.toString().contains("hunter2"));
    }

    @Test
    void pidFilterEscapesSpecialCharacters() {
        assertEquals("(service.pid=a\\(b\\)\\*c\\\\d)", ConfigurationValues.pidFilter("a(b)*c\\d"));
    }
}
