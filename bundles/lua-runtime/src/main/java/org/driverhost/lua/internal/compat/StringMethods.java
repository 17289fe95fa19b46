package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
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
 * <p>NOTE: a thread that was never bound uses the table of the state installed last, as LuaJ does.
 * {@code getmetatable("")} still returns one metatable shared by all states.
 */
final class StringMethods {

    private static final InheritableThreadLocal<LuaValue> BOUND = new InheritableThreadLocal<>();
    private static final LuaTable METATABLE = new LuaTable();
    private static volatile LuaValue lastInstalled = LuaValue.NIL;

    static {
        METATABLE.set(LuaValue.INDEX, new IndexFunction());
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

    private static final class IndexFunction extends TwoArgFunction {

        @Override
        public LuaValue call(LuaValue self, LuaValue key) {
            LuaValue string = BOUND.get();
            if (string == null) {
                string = lastInstalled;
            }
            return string.istable() ? string.get(key) : NIL;
        }
    }
}
