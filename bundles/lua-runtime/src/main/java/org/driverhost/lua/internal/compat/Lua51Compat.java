package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;

/** Adds the Lua 5.1 and LuaJIT globals that drivers rely on to a LuaJ 3.0.1 (Lua 5.2) state. */
public final class Lua51Compat {

    private Lua51Compat() {
    }

    /** Installs the compatibility functions and the {@code bit} library into {@code globals}. */
    public static void install(Globals globals) {
        // TODO: unpack, loadstring, table.getn, math.mod, string.gfind, setfenv/getfenv, bit library.
    }
}
