package org.driverhost.lua.internal.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.DumpState;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Adapts LuaJ's {@code string} table to Lua 5.1: {@code string.format} is replaced, {@code string.gfind}
 * is added, {@code string.dump} writes the function as compiled, and numbers passed where a string is
 * expected are turned into text with {@code "%.14g"} before LuaJ's functions see them (LuaJ would write
 * {@code 1/3} as {@code 0.33333334}).
 */
final class StringFunctions {

    /** For each function: the argument positions that Lua 5.1 reads as strings. */
    private static final String[][] STRING_ARGUMENTS = {
        {"byte", "1"}, {"find", "1", "2"}, {"gmatch", "1", "2"}, {"gsub", "1", "2", "3"}, {"len", "1"},
        {"lower", "1"}, {"match", "1", "2"}, {"rep", "1"}, {"reverse", "1"}, {"sub", "1"}, {"upper", "1"},
    };

    private StringFunctions() {
    }

    static void install(LuaValue string, LuaValue tostring) {
        for (String[] entry : STRING_ARGUMENTS) {
            LuaValue original = string.get(entry[0]);
            if (original.isfunction()) {
                int[] positions = new int[entry.length - 1];
                for (int i = 1; i < entry.length; i++) {
                    positions[i - 1] = Integer.parseInt(entry[i]);
                }
                string.set(entry[0], new NumberTextWrapper(entry[0], original, positions));
            }
        }
        string.set("gfind", string.get("gmatch"));
        string.set("format", new StringFormatFunction(tostring));
        string.set("dump", new DumpFunction());
    }

    /** Calls a LuaJ string function with numbers at string positions written as Lua 5.1 text. */
    private static final class NumberTextWrapper extends VarArgFunction {

        private final LuaValue original;
        private final int[] positions;

        NumberTextWrapper(String name, LuaValue original, int[] positions) {
            this.name = name;
            this.original = original;
            this.positions = positions;
        }

        @Override
        public Varargs invoke(Varargs args) {
            int n = args.narg();
            LuaValue[] values = new LuaValue[n];
            for (int i = 0; i < n; i++) {
                values[i] = args.arg(i + 1);
            }
            for (int position : positions) {
                LuaValue value = position <= n ? values[position - 1] : NONE;
                if (name.equals("gsub") && position == 3) {
                    values[2] = replacement(value);
                } else {
                    values[position - 1] = LuaNumbers.checkString(value, position, name);
                }
            }
            return original.invoke(varargsOf(values));
        }

        /** Checks the replacement of gsub and makes numbers it yields be written as Lua 5.1 text. */
        private LuaValue replacement(LuaValue replacement) {
            if (LuaNumbers.isStringOrNumber(replacement)) {
                return LuaNumbers.numberToString(replacement);
            }
            if (!replacement.istable() && !replacement.isfunction()) {
                throw new LuaError(ArgumentErrors.argumentError(3, name, "string/function/table expected"));
            }
            return new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs captures) {
                    LuaValue value = replacement.istable()
                            ? replacement.get(captures.arg1())
                            : replacement.invoke(captures).arg1();
                    return LuaNumbers.numberToString(value);
                }
            };
        }
    }

    /** {@code string.dump} of the function as compiled, without the rewriting of {@code ..}. */
    private static final class DumpFunction extends VarArgFunction {

        DumpFunction() {
            this.name = "dump";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue function = args.arg1();
            if (!(function instanceof LuaClosure closure)) {
                throw new LuaError("unable to dump given function");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                DumpState.dump(PrototypeRewriter.original(closure.p), out, true);
            } catch (IOException | RuntimeException e) {
                throw new LuaError("unable to dump given function");
            }
            return LuaString.valueUsing(out.toByteArray());
        }
    }
}
