package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code tostring} that prints numbers with Lua 5.1's {@code "%.14g"} and hands every other value to
 * LuaJ's own {@code tostring}, which already honours {@code __tostring}.
 */
final class ToStringFunction extends VarArgFunction {

    private final LuaValue luajToString;

    ToStringFunction(LuaValue luajToString) {
        this.luajToString = luajToString;
        this.name = "tostring";
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (args.narg() == 0) {
            throw new LuaError(ArgumentErrors.argumentError(1, "tostring", "value expected"));
        }
        LuaValue value = args.arg1();
        if (LuaNumbers.isNumber(value) && value.metatag(TOSTRING).isnil()) {
            return LuaNumbers.toLuaString(value.todouble());
        }
        return luajToString.call(value);
    }
}
