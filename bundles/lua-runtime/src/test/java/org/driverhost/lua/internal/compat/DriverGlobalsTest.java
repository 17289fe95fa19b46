package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** Globals made by {@link CompatGlobals#newDriverGlobals()}. */
class DriverGlobalsTest {

    private final Globals globals = CompatGlobals.newDriverGlobals();

    @Test
    void leavesOutLuajavaAndBit32() {
        assertEquals("nil nil table", LuaScripts.joined(globals, "luajava, bit32, type(bit)"));
    }

    @Test
    void hasStandardLibrariesOf51() {
        assertEquals("table table table table table table table",
                LuaScripts.joined(globals, "type(string), type(table), type(math), type(io), type(os), "
                        + "type(coroutine), type(package)"));
    }

    @Test
    void supportsStackLevels() {
        String code = "local function f() setfenv(1, {print = print, v = 'inside'}) print(v) end f()";
        assertEquals("inside", LuaScripts.run(globals, code, "=driver").trim());
    }

    @Test
    void runsDriverCodeAs51() {
        assertEquals("Lua 5.1 1e+15 ff", LuaScripts.joined(globals, "_VERSION, 1e15 .. '', bit.tohex(255, 2)"));
    }
}
