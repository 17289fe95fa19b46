package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

/**
 * Routes method calls on strings ({@code s:upper()}) to the {@code string} table of the driver whose thread
 * makes the call.
 *
 * <p>LuaJ keeps the string metatable in a static field, and each {@code StringLib} it loads points that
 * field at its own {@code string} table. With one Lua state per driver, method calls in every driver would
 * use the table of the driver created last: functions a driver adds to {@code string} (a common Lua 5.1
 * idiom such as {@code function string.trim(s)}) would be missing for the others or leak into them. Here
 * the metatable's {@code __index} looks the key up in the table bound to the current Java thread. Threads
 * inherit the binding from the thread that starts them, which covers LuaJ's coroutine threads.
 *
 * <p>Because that metatable is shared by every driver, drivers never get it: {@code getmetatable("")} returns a
 * read-only view (its {@code __metatable} field) whose {@code __index} is the caller's own {@code string}
 * table, as in Lua 5.1, and any write to it raises an error. Otherwise one driver could replace string methods
 * for all the others and see the strings they work on.
 *
 * <p>NOTE: a thread that was never bound uses the table of the state installed last, as LuaJ does.
 */
final class StringMethods {

    private static final InheritableThreadLocal<LuaValue> BOUND = new InheritableThreadLocal<>();
    private static final LuaTable METATABLE = new LuaTable();
    private static final LuaTable VIEW_METATABLE = new LuaTable();
    private static volatile LuaValue lastInstalled = LuaValue.NIL;

    static {
        METATABLE.set(LuaValue.INDEX, new IndexFunction());
        VIEW_METATABLE.set(LuaValue.INDEX, new ViewIndexFunction());
        VIEW_METATABLE.set(LuaValue.NEWINDEX, new ReadOnlyFunction());
        // A userdata, not a table, so that rawset cannot write into the view either.
        METATABLE.set(LuaValue.METATABLE, LuaValue.userdataOf(new Object(), VIEW_METATABLE));
    }

    private StringMethods() {
    }

    /** Makes string methods on the calling thread use the {@code string} table of {@code globals}. */
    static void bind(Globals globals) {
        LuaValue string = globals.get("string");
        BOUND.set(string);
        lastInstalled = string;
        LuaString.s_metatable = METATABLE;
    }

    private static LuaValue boundStringTable() {
        LuaValue string = BOUND.get();
        return string == null ? lastInstalled : string;
    }

    private static final class IndexFunction extends TwoArgFunction {

        @Override
        public LuaValue call(LuaValue self, LuaValue key) {
            LuaValue string = boundStringTable();
            return string.istable() ? string.get(key) : NIL;
        }
    }

    /** Reads of the view: {@code __index} is the caller's string table, every other key is nil. */
    private static final class ViewIndexFunction extends TwoArgFunction {

        @Override
        public LuaValue call(LuaValue view, LuaValue key) {
            return key.equals(LuaValue.INDEX) ? boundStringTable() : NIL;
        }
    }

    private static final class ReadOnlyFunction extends ThreeArgFunction {

        @Override
        public LuaValue call(LuaValue view, LuaValue key, LuaValue value) {
            throw new LuaError("the string metatable is shared by all drivers and read-only; "
                    + "add functions to the string table instead (function string.name(s) ... end)");
        }
    }
}
