package org.driverhost.lua.internal.compat;

import java.io.PrintStream;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code print} as in Lua 5.1: each argument goes through the current global {@code tostring}, and the
 * bytes are written unchanged to {@link Globals#STDOUT}, separated by tabs and ended by a newline.
 *
 * <p>LuaJ's own {@code print} decodes each string as UTF-8 into a Java string and lets the stream
 * encode it again, which changes bytes above 0x7F that are not valid UTF-8.
 */
final class PrintFunction extends VarArgFunction {

    private final Globals globals;

    PrintFunction(Globals globals) {
        this.globals = globals;
        this.name = "print";
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaValue tostring = globals.get("tostring");
        PrintStream out = globals.STDOUT;
        for (int i = 1, n = args.narg(); i <= n; i++) {
            if (i > 1) {
                out.write('\t');
            }
            LuaValue text = tostring.call(args.arg(i));
            if (!LuaNumbers.isStringOrNumber(text)) {
                throw new LuaError("'tostring' must return a string to 'print'");
            }
            LuaString string = LuaNumbers.numberToString(text).checkstring();
            byte[] bytes = new byte[string.rawlen()];
            string.copyInto(0, bytes, 0, bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write('\n');
        out.flush();
        return NONE;
    }
}
