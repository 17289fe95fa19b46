package org.driverhost.lua.internal.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

class PersistStoreTest {

    private static final byte[] BINARY = {0, 1, (byte) 0xFF, (byte) 0xC3, 0x28, 0, 'x'};
    private static final String SECRET = "hunter2-secret-text";

    @TempDir
    Path sandbox;

    private KeyRingCodec codec;
    private PersistStore store;

    @BeforeEach
    void setUp() {
        SecureRandom random = new SecureRandom();
        codec = new KeyRingCodec(random);
        codec.use(KeyRing.of(MasterKey.generate(random)));
        store = new PersistStore(sandbox, () -> codec);
    }

    @Test
    void scalarsRoundTrip() throws Exception {
        store.set("int", LuaValue.valueOf(42), false);
        store.set("big", LuaValue.valueOf(1e15), false);
        store.set("float", LuaValue.valueOf(2.5), false);
        store.set("yes", LuaValue.TRUE, false);

        PersistStore reopened = new PersistStore(sandbox, () -> codec);
        assertEquals("42", reopened.get("int").tojstring());
        assertEquals(1e15, reopened.get("big").todouble());
        assertEquals(2.5, reopened.get("float").todouble());
        assertEquals(LuaValue.TRUE, reopened.get("yes"));
        assertTrue(reopened.get("missing").isnil());
    }

    @Test
    void binaryStringRoundTripsExactly() throws Exception {
        store.set("plain", LuaString.valueOf(BINARY), false);
        store.set("hidden", LuaString.valueOf(BINARY), true);

        assertArrayEquals(BINARY, bytes(store.get("plain")));
        assertArrayEquals(BINARY, bytes(store.get("hidden")));
    }

    @Test
    void nestedTableRoundTrips() throws Exception {
        LuaTable inner = new LuaTable();
        inner.set(1, LuaValue.valueOf("a"));
        inner.set(2, LuaValue.valueOf(false));
        LuaTable outer = new LuaTable();
        outer.set("list", inner);
        outer.set(7, LuaValue.valueOf(3.25));

        store.set("config", outer, false);

        LuaValue read = store.get("config");
        assertEquals("a", read.get("list").get(1).tojstring());
        assertEquals(LuaValue.FALSE, read.get("list").get(2));
        assertEquals(3.25, read.get(7).todouble());
    }

    @Test
    void encryptedValueNeverWrittenInClear() throws Exception {
        store.set("password", LuaValue.valueOf(SECRET), true);

        String file = new String(Files.readAllBytes(store.file()), StandardCharsets.ISO_8859_1);
        assertFalse(file.contains(SECRET));
        assertTrue(file.contains("{aes256gcm:v1:"));
        assertEquals(SECRET, store.get("password").tojstring());
    }

    @Test
    void functionValueRejected() {
        LuaValue function = JsePlatform.standardGlobals().get("print");

        PersistException error = assertThrows(PersistException.class, () -> store.set("f", function, false));

        assertTrue(error.getMessage().contains("type function"), error.getMessage());
    }

    @Test
    void selfContainingTableRejected() {
        LuaTable loop = new LuaTable();
        loop.set("self", loop);

        assertThrows(PersistException.class, () -> store.set("loop", loop, false));
    }

    @Test
    void deleteValueAndDeleteAll() throws Exception {
        store.set("a", LuaValue.valueOf(1), false);
        store.set("b", LuaValue.valueOf(2), false);

        assertTrue(store.delete("a"));
        assertFalse(store.delete("a"));
        assertTrue(store.get("a").isnil());
        assertEquals(2, store.get("b").toint());

        store.deleteAll();
        assertTrue(store.get("b").isnil());
        assertFalse(Files.exists(store.file()));
    }

    @Test
    void reencryptMovesValuesToNewKey() throws Exception {
        SecureRandom random = new SecureRandom();
        MasterKey oldKey = MasterKey.generate(random);
        codec.use(KeyRing.of(oldKey));
        store.set("password", LuaValue.valueOf(SECRET), true);
        store.set("plain", LuaValue.valueOf("visible"), false);

        MasterKey newKey = MasterKey.generate(random);
        codec.use(KeyRing.of(newKey, oldKey));
        assertEquals(1, store.reencrypt(codec));

        codec.use(KeyRing.of(newKey));
        assertEquals(SECRET, store.get("password").tojstring());
        assertEquals("visible", store.get("plain").tojstring());
    }

    @Test
    void encryptedValueWithoutCodecFails() {
        PersistStore withoutSecrets = new PersistStore(sandbox, () -> null);

        PersistException error = assertThrows(PersistException.class,
                () -> withoutSecrets.set("password", LuaValue.valueOf(SECRET), true));

        assertTrue(error.getMessage().contains("secrets service"), error.getMessage());
        assertFalse(Files.exists(withoutSecrets.file()));
    }

    private static byte[] bytes(LuaValue value) {
        LuaString text = value.checkstring();
        byte[] copy = new byte[text.m_length];
        System.arraycopy(text.m_bytes, text.m_offset, copy, 0, text.m_length);
        return copy;
    }
}
