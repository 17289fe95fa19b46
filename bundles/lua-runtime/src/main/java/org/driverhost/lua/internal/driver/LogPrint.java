package org.driverhost.lua.internal.driver;

import org.driverhost.lua.internal.log.DriverLog;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Replaces Lua's {@code print}: the arguments, converted by the global {@code tostring} and joined by tabs, are
 * logged at INFO and kept in the driver's recent log.
 */
final class LogPrint extends VarArgFunction {

    private final Globals globals;
    private final DriverLog log;

    LogPrint(Globals globals, DriverLog log) {
        this.globals = globals;
        this.log = log;
        this.name = "print";
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaValue tostring = globals.get("tostring");
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= args.narg(); i++) {
            if (i > 1) {
                line.append('\t');
            }
            line.append(tostring.call(args.arg(i)).tojstring());
        }
        log.info(line.toString());
        return NONE;
    }
}
