package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Buffer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua 5.1's {@code table.getn}, {@code table.setn}, {@code table.maxn} and a {@code table.concat} with 5.1 number text. */
final class TableFunctions {

    private TableFunctions() {
    }

    static void install(LuaValue table) {
        table.set("getn", new GetnFunction());
        table.set("setn", new SetnFunction());
        table.set("maxn", new MaxnFunction());
        table.set("concat", new ConcatFunction());
    }

    private static LuaValue checkTable(Varargs args, int index, String functionName) {
        LuaValue value = index > args.narg() ? LuaValue.NONE : args.arg(index);
        if (!value.istable()) {
            throw new LuaError(ArgumentErrors.typeError(index, functionName, "table", value));
        }
        return value;
    }

    private static final class GetnFunction extends VarArgFunction {

        GetnFunction() {
            this.name = "getn";
        }

        @Override
        public Varargs invoke(Varargs args) {
            return valueOf(BaseFunctions.rawLength(checkTable(args, 1, name)));
        }
    }

    /** {@code table.setn} raises the error of Lua 5.1.5 built without {@code LUA_COMPAT_GETN}, as Debian's is. */
    private static final class SetnFunction extends VarArgFunction {

        SetnFunction() {
            this.name = "setn";
        }

        @Override
        public Varargs invoke(Varargs args) {
            checkTable(args, 1, name);
            throw new LuaError("'setn' is obsolete");
        }
    }

    /** {@code table.maxn}: the largest positive numeric key, 0 when there is none. */
    private static final class MaxnFunction extends VarArgFunction {

        MaxnFunction() {
            this.name = "maxn";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue table = checkTable(args, 1, name);
            double max = 0;
            LuaValue key = NIL;
            while (true) {
                Varargs entry = table.next(key);
                key = entry.arg1();
                if (key.isnil()) {
                    break;
                }
                if (LuaNumbers.isNumber(key) && key.todouble() > max) {
                    max = key.todouble();
                }
            }
            return valueOf(max);
        }
    }

    /** {@code table.concat(t [, sep [, i [, j]]])} with raw reads and numbers written as Lua 5.1 writes them. */
    private static final class ConcatFunction extends VarArgFunction {

        ConcatFunction() {
            this.name = "concat";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue table = checkTable(args, 1, name);
            LuaString separator = args.isnil(2) ? LuaString.valueOf("") : LuaNumbers.checkString(args.arg(2), 2, name);
            int first = args.isnil(3) ? 1 : (int) LuaNumbers.checkNumber(args.arg(3), 3, name);
            int last = args.isnil(4) ? BaseFunctions.rawLength(table) : (int) LuaNumbers.checkNumber(args.arg(4), 4, name);

            Buffer buffer = new Buffer();
            for (long i = first; i <= last; i++) {
                LuaValue value = table.rawget((int) i);
                if (!LuaNumbers.isStringOrNumber(value)) {
                    throw new LuaError("invalid value (at index " + i + ") in table for 'concat'");
                }
                buffer.append(LuaNumbers.numberToString(value).checkstring());
                if (i < last) {
                    buffer.append(separator);
                }
            }
            return buffer.tostring();
        }
    }
}
