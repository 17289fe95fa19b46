package org.driverhost.lua.internal.compat;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Lua 5.1 base functions that Lua 5.2 removed or changed: unpack, loadstring, select, newproxy, gcinfo. */
final class BaseFunctions {

    /**
     * Largest number of values {@code unpack} returns. Lua 5.1 stops near 8000 (its C stack limit) and
     * LuaJIT allows more; this limit only keeps a wrong range from filling the Java heap.
     */
    static final int MAX_UNPACK = 1_000_000;

    private BaseFunctions() {
    }

    static void install(Globals globals) {
        globals.set("unpack", new UnpackFunction());
        globals.set("loadstring", new LoadstringFunction(globals));
        globals.set("select", new SelectFunction());
        globals.set("newproxy", new NewproxyFunction());
        globals.set("gcinfo", new GcinfoFunction());
        globals.set("_VERSION", LuaValue.valueOf("Lua 5.1"));
    }

    /** Returns the length Lua 5.1's {@code luaL_getn} gives: the raw border of the table. */
    static int rawLength(LuaValue table) {
        return table.rawlen();
    }

    private static LuaValue argument(Varargs args, int index) {
        return index > args.narg() ? LuaValue.NONE : args.arg(index);
    }

    private static final class UnpackFunction extends VarArgFunction {

        UnpackFunction() {
            this.name = "unpack";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue table = argument(args, 1);
            if (!table.istable()) {
                throw new LuaError(ArgumentErrors.typeError(1, name, "table", table));
            }
            int first = args.isnil(2) ? 1 : (int) LuaNumbers.checkNumber(args.arg(2), 2, name);
            int last = args.isnil(3) ? rawLength(table) : (int) LuaNumbers.checkNumber(args.arg(3), 3, name);
            if (first > last) {
                return NONE;
            }
            long count = (long) last - first + 1;
            if (count > MAX_UNPACK) {
                throw new LuaError("too many results to unpack");
            }
            LuaValue[] values = new LuaValue[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = table.rawget(first + i);
            }
            return varargsOf(values);
        }
    }

    private static final class LoadstringFunction extends VarArgFunction {

        private final Globals globals;

        LoadstringFunction(Globals globals) {
            this.globals = globals;
            this.name = "loadstring";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString source = LuaNumbers.checkString(argument(args, 1), 1, name);
            String chunkname = args.isnil(2) ? source.tojstring()
                    : LuaNumbers.checkString(args.arg(2), 2, name).tojstring();
            try {
                return globals.load(source.toInputStream(), chunkname, "bt", globals);
            } catch (LuaError e) {
                return varargsOf(NIL, LuaErrorMessages.messageObject(e));
            }
        }
    }

    /** {@code select} as in Lua 5.1: any string starting with '#' counts, negative indexes count from the end. */
    private static final class SelectFunction extends VarArgFunction {

        SelectFunction() {
            this.name = "select";
        }

        @Override
        public Varargs invoke(Varargs args) {
            int n = args.narg();
            LuaValue selector = argument(args, 1);
            if (selector.type() == TSTRING && selector.checkstring().rawlen() > 0
                    && selector.checkstring().luaByte(0) == '#') {
                return valueOf(n - 1);
            }
            int i = (int) LuaNumbers.checkNumber(selector, 1, name);
            if (i < 0) {
                i = n + i;
            } else if (i > n) {
                i = n;
            }
            if (i < 1) {
                throw new LuaError(ArgumentErrors.argumentError(1, name, "index out of range"));
            }
            return args.subargs(i + 1);
        }
    }

    /**
     * {@code newproxy}: a userdata without a metatable, with a new one ({@code true}), or sharing the
     * metatable of another proxy. NOTE: LuaJ runs no {@code __gc} metamethod.
     */
    private static final class NewproxyFunction extends VarArgFunction {

        private final Set<LuaValue> proxyMetatables = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        NewproxyFunction() {
            this.name = "newproxy";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue option = args.arg1();
            if (!option.toboolean()) {
                return new LuaUserdata(new Object());
            }
            if (option.isboolean()) {
                LuaTable metatable = new LuaTable();
                proxyMetatables.add(metatable);
                return new LuaUserdata(new Object(), metatable);
            }
            LuaValue metatable = option.getmetatable();
            if (metatable == null || !proxyMetatables.contains(metatable)) {
                throw new LuaError(ArgumentErrors.argumentError(1, name, "boolean or proxy expected"));
            }
            return new LuaUserdata(new Object(), metatable);
        }
    }

    /** {@code gcinfo}: the Java heap in use, in kilobytes, as Lua 5.1 reports its own heap. */
    private static final class GcinfoFunction extends VarArgFunction {

        GcinfoFunction() {
            this.name = "gcinfo";
        }

        @Override
        public Varargs invoke(Varargs args) {
            Runtime runtime = Runtime.getRuntime();
            return valueOf((int) ((runtime.totalMemory() - runtime.freeMemory()) / 1024));
        }
    }
}
