package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua 5.1 math functions that LuaJ 3.0.1 lacks: {@code math.mod} (the old name of fmod) and {@code math.log10}. */
final class MathFunctions {

    private MathFunctions() {
    }

    static void install(LuaValue math) {
        if (math.get("mod").isnil()) {
            math.set("mod", new ModFunction());
        }
        if (math.get("log10").isnil()) {
            math.set("log10", new Log10Function());
        }
        if (math.get("pow").isnil()) {
            math.set("pow", new PowFunction());
        }
    }

    /** C {@code fmod}: the result has the sign of the dividend, unlike Lua's {@code %}. */
    private static final class ModFunction extends VarArgFunction {

        ModFunction() {
            this.name = "mod";
        }

        @Override
        public Varargs invoke(Varargs args) {
            double x = LuaNumbers.checkNumber(args.arg(1), 1, name);
            double y = LuaNumbers.checkNumber(args.arg(2), 2, name);
            return valueOf(x % y);
        }
    }

    private static final class Log10Function extends VarArgFunction {

        Log10Function() {
            this.name = "log10";
        }

        @Override
        public Varargs invoke(Varargs args) {
            return valueOf(Math.log10(LuaNumbers.checkNumber(args.arg(1), 1, name)));
        }
    }

    private static final class PowFunction extends VarArgFunction {

        PowFunction() {
            this.name = "pow";
        }

        @Override
        public Varargs invoke(Varargs args) {
            double x = LuaNumbers.checkNumber(args.arg(1), 1, name);
            double y = LuaNumbers.checkNumber(args.arg(2), 2, name);
            return valueOf(Math.pow(x, y));
        }
    }
}
