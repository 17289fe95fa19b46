package org.driverhost.lua.internal.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.Test;

class DeclaredSpecTest {

    @Test
    void parsesEveryParameter() throws Exception {
        Hashtable<String, Object> properties = minimal();
        properties.put("delimiter", "\r\n");
        properties.put("options", "0x01000000");
        properties.put("verifyMode", 3);
        properties.put("cipherList", "HIGH");
        properties.put("privateKey", "key.pem");
        properties.put("chain", "chain.pem");
        properties.put("identifier", "web");
        properties.put("bindAddress", "127.0.0.1");

        ServerSpec spec = DeclaredSpec.parse(properties).toServerSpec(List.of(Path.of("/tmp")), SealedPassword.EMPTY);

        assertEquals("kitchen", spec.owner());
        assertEquals(8443, spec.port());
        assertEquals("\r\n", new String(spec.delimiter()));
        assertEquals(0x01000000L, spec.options());
        assertEquals(3, spec.verifyMode());
        assertEquals("HIGH", spec.cipherList());
        assertEquals("cert.pem", spec.certificate());
        assertEquals("key.pem", spec.privateKey());
        assertEquals("chain.pem", spec.chain());
        assertEquals("web", spec.identifier());
        assertEquals("127.0.0.1", spec.bindAddress());
    }

    @Test
    void invalidPortNamesValue() {
        Hashtable<String, Object> properties = minimal();
        properties.put("port", "eighty");

        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> DeclaredSpec.parse(properties));

        assertEquals("invalid port \"eighty\": expected a number from 1 to 65535", error.getMessage());
    }

    @Test
    void missingDriverRejected() {
        Hashtable<String, Object> properties = minimal();
        properties.remove("driver");

        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> DeclaredSpec.parse(properties));

        assertTrue(error.getMessage().startsWith("missing driver"), error.getMessage());
    }

    @Test
    void optionsOutOfRangeRejected() {
        Hashtable<String, Object> properties = minimal();
        properties.put("options", "0x1FFFFFFFF");

        assertThrows(InvalidSpecException.class, () -> DeclaredSpec.parse(properties));
    }

    @Test
    void certificateChangeKeepsEndpoint() throws Exception {
        DeclaredSpec before = DeclaredSpec.parse(minimal());
        Hashtable<String, Object> changed = minimal();
        changed.put("certificate", "new.pem");
        DeclaredSpec after = DeclaredSpec.parse(changed);

        assertTrue(before.sameEndpoint(after));
        assertFalse(before.equals(after));
    }

    @Test
    void portChangeIsNewEndpoint() throws Exception {
        Hashtable<String, Object> changed = minimal();
        changed.put("port", 9443);

        assertFalse(DeclaredSpec.parse(minimal()).sameEndpoint(DeclaredSpec.parse(changed)));
    }

    @Test
    void passwordLeftOutOfText() throws Exception {
        Hashtable<String, Object> properties = minimal();
        properties.put("password", "do-not-show");

        assertFalse(DeclaredSpec.parse(properties).toString().contains("do-not-show"));
    }

    private static Hashtable<String, Object> minimal() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("driver", "kitchen");
        properties.put("port", "8443");
        properties.put("certificate", "cert.pem");
        return properties;
    }
}
