package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/** The string metatable that all drivers share is read-only for drivers. */
class StringMetatableTest {

    private final Globals globals = CompatGlobals.newDriverGlobals();

    private LuaValue run(String code) {
        return globals.load(code, "@test.lua").call();
    }

    @Test
    void indexIsOwnStringTable() {
        assertTrue(run("return getmetatable('').__index == string").toboolean());
    }

    @Test
    void writeToMetatableFails() {
        String message = run("local ok, err = pcall(function() getmetatable('').__index = {} end) return err").tojstring();
        assertTrue(message.contains("read-only"), message);
    }

    @Test
    void rawsetOnMetatableFails() {
        LuaValue ok = run("return (pcall(rawset, getmetatable(''), '__index', {}))");
        assertEquals(LuaValue.FALSE, ok);
    }

    @Test
    void stringMethodsStillWork() {
        assertEquals("ABC", run("return ('abc'):upper()").tojstring());
    }

    @Test
    void addedStringFunctionIsCallable() {
        assertEquals("x", run("function string.trimmed(s) return (s:gsub('^%s+', '')) end return (' x'):trimmed()").tojstring());
    }
}
