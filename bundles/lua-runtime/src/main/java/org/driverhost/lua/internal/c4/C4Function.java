package org.driverhost.lua.internal.c4;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.slf4j.Logger;

/**
 * Base of the {@code C4} functions. Drivers call them with colon syntax, so argument 1 is the {@code C4} table
 * and the documented parameters start at 2. A bad argument returns {@code false, message}; no Java exception
 * reaches Lua.
 */
abstract class C4Function extends VarArgFunction {

    private final String functionName;
    private final Logger log;

    C4Function(String functionName, Logger log) {
        this.functionName = functionName;
        this.log = log;
        this.name = functionName;
    }

    @Override
    public final Varargs invoke(Varargs args) {
        try {
            return call(args);
        } catch (ArgumentException e) {
            return failure(e.getMessage());
        } catch (RuntimeException e) {
            log.error("C4:{} failed unexpectedly", functionName, e);
            return failure("C4:" + functionName + " failed: internal error, see the runtime's log");
        }
    }

    /** Does the work with the raw arguments, {@code C4} table included. */
    abstract Varargs call(Varargs args) throws ArgumentException;

    static Varargs failure(String message) {
        return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf(message));
    }
}
