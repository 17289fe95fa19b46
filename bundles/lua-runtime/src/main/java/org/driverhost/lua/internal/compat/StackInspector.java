package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Finds functions and positions on the Lua call stack through LuaJ's {@code debug.getinfo}, which only works
 * when LuaJ's {@code DebugLib} is loaded (it tracks the stack only then).
 *
 * <p>The function is taken when the compatibility layer is installed, so a sandbox may remove the
 * {@code debug} table afterwards. Java functions are not on LuaJ's stack, except {@code pcall} and
 * {@code xpcall}; so for a Java function called from Lua, level 1 is the Lua function that called it.
 */
final class StackInspector {

    private final LuaValue getinfo;

    private StackInspector(LuaValue getinfo) {
        this.getinfo = getinfo;
    }

    static StackInspector of(Globals globals) {
        LuaValue debug = globals.get("debug");
        LuaValue getinfo = globals.debuglib != null && debug.istable() ? debug.get("getinfo") : LuaValue.NIL;
        return new StackInspector(getinfo.isfunction() ? getinfo : null);
    }

    /** Returns true when stack levels can be resolved. */
    boolean available() {
        return getinfo != null;
    }

    /** Returns the function at {@code level}, or nil when the level is beyond the stack or unknown. */
    LuaValue functionAt(int level) {
        LuaValue info = info(level, "f");
        return info.istable() ? info.get("func") : LuaValue.NIL;
    }

    /** Returns "chunk:line" of the function at {@code level}, or null when it is unknown. */
    String positionAt(int level) {
        LuaValue info = info(level, "Sl");
        if (!info.istable() || info.get("currentline").toint() <= 0) {
            return null;
        }
        return info.get("short_src").tojstring() + ":" + info.get("currentline").toint();
    }

    private LuaValue info(int level, String fields) {
        if (getinfo == null) {
            return LuaValue.NIL;
        }
        try {
            return getinfo.call(LuaValue.valueOf(level), LuaValue.valueOf(fields));
        } catch (LuaError e) {
            return LuaValue.NIL;
        }
    }
}
