package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaValue;

/** Builds the argument error messages of Lua 5.1's auxiliary library ({@code luaL_argerror}). */
final class ArgumentErrors {

    private ArgumentErrors() {
    }

    /** Returns {@code bad argument #n to 'name' (expected expected, got type)}, with "no value" for a missing one. */
    static String typeError(int argument, String functionName, String expected, LuaValue actual) {
        String actualType = actual == LuaValue.NONE ? "no value" : actual.typename();
        return argumentError(argument, functionName, expected + " expected, got " + actualType);
    }

    /** Returns {@code bad argument #n to 'name' (detail)}. */
    static String argumentError(int argument, String functionName, String detail) {
        return "bad argument #" + argument + " to '" + functionName + "' (" + detail + ")";
    }
}
