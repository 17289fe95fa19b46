package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Converts between Lua values and text the way Lua 5.1 does, where LuaJ 3.0.1 differs.
 *
 * <p>LuaJ prints non-integral doubles through {@code Float.toString}, so {@code 1/3} becomes
 * {@code 0.33333334} and {@code 1e100} becomes {@code Infinity}. Lua 5.1 uses {@code "%.14g"}.
 */
final class LuaNumbers {

    private LuaNumbers() {
    }

    /** Returns true for a Lua number, false for strings even when they look like numbers. */
    static boolean isNumber(LuaValue value) {
        return value.type() == LuaValue.TNUMBER;
    }

    /** Returns true for the values that Lua's {@code ..} joins without a metamethod. */
    static boolean isStringOrNumber(LuaValue value) {
        int type = value.type();
        return type == LuaValue.TSTRING || type == LuaValue.TNUMBER;
    }

    /** Formats a number with Lua 5.1's {@code "%.14g"}. */
    static LuaString toLuaString(double number) {
        return LuaString.valueOf(CPrintf.formatNumber14g(number));
    }

    /** Converts a number to its Lua 5.1 text and leaves every other value as it is. */
    static LuaValue numberToString(LuaValue value) {
        return isNumber(value) ? toLuaString(value.todouble()) : value;
    }

    /**
     * Returns the string that Lua 5.1's {@code luaL_checklstring} accepts: a string, or a number as text.
     *
     * @throws LuaError {@code bad argument #n to 'name' (string expected, got type)} for other values
     */
    static LuaString checkString(LuaValue value, int argument, String functionName) {
        if (value.type() == LuaValue.TSTRING) {
            return value.checkstring();
        }
        if (isNumber(value)) {
            return toLuaString(value.todouble());
        }
        throw new LuaError(ArgumentErrors.typeError(argument, functionName, "string", value));
    }

    /**
     * Returns the number that Lua 5.1's {@code luaL_checknumber} accepts: a number, or a string that converts.
     *
     * @throws LuaError {@code bad argument #n to 'name' (number expected, got type)} for other values
     */
    static double checkNumber(LuaValue value, int argument, String functionName) {
        LuaValue number = value.tonumber();
        if (number.isnil()) {
            throw new LuaError(ArgumentErrors.typeError(argument, functionName, "number", value));
        }
        return number.todouble();
    }
}
