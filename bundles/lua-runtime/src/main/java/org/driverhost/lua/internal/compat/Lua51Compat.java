package org.driverhost.lua.internal.compat;

import java.util.function.Consumer;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.DebugLib;

/**
 * Makes a LuaJ 3.0.1 (Lua 5.2) state run Lua 5.1 and LuaJIT driver code unchanged, as far as LuaJ allows.
 *
 * <p>It installs the 5.1 globals that 5.2 removed ({@code unpack}, {@code loadstring}, {@code getfenv},
 * {@code setfenv}, {@code module}, {@code newproxy}, {@code gcinfo}, {@code table.getn}, {@code math.mod},
 * {@code string.gfind}, ...), the LuaBitOp {@code bit} library, Lua 5.1 number text in {@code tostring},
 * {@code print}, {@code ..}, {@code table.concat} and {@code string.format}, 5.1 error messages and
 * {@code xpcall}, and {@code _VERSION = "Lua 5.1"}.
 *
 * <p>Two hooks replace parts of LuaJ's loading, so chunks must be loaded through {@link Globals#load}
 * (or {@code load}, {@code loadstring}, {@code dofile}, {@code require}) after {@link #install}: the
 * compiler accepts {@code goto} as a name, and the loader rewrites {@code ..} to write numbers as Lua 5.1
 * does and gives chunks Lua 5.1's short names in error positions.
 *
 * <p>LuaJ's debug library ({@code DebugLib}) should be loaded before {@link #install}: stack levels in
 * {@code getfenv}/{@code setfenv}, {@code module} and {@code error(message, 2)} need its call stack. The
 * {@code debug} table may be removed afterwards.
 */
public final class Lua51Compat {

    private Lua51Compat() {
    }

    /**
     * Installs the compatibility functions, the {@code bit} library and the loading hooks into
     * {@code globals}, which must already hold LuaJ's standard libraries and compiler.
     */
    public static void install(Globals globals) {
        StackInspector stack = StackInspector.of(globals);

        installLoading(globals);
        LuaValue tostring = new ToStringFunction(globals.get("tostring"));
        globals.set("tostring", tostring);
        globals.set("print", new PrintFunction(globals));

        BaseFunctions.install(globals);
        ProtectedCallFunctions.install(globals, stack);
        FunctionEnvironments environments = new FunctionEnvironments(globals, stack);
        environments.install();
        ModuleFunctions.install(globals, environments, stack);

        installInto(globals, "table", TableFunctions::install);
        installInto(globals, "math", MathFunctions::install);
        installInto(globals, "string", string -> StringFunctions.install(string, tostring));
        installInto(globals, "coroutine", coroutine -> CoroutineFunctions.install(globals, coroutine));
        installBit(globals);
        StringMethods.bind(globals);
    }

    /**
     * Routes method calls on strings ({@code s:format(...)}) from the calling thread, and from threads it
     * starts later, to the {@code string} table of {@code globals}.
     *
     * <p>LuaJ shares one string metatable among all states. {@link #install} binds the thread it runs on;
     * a runtime that runs a driver's Lua code on another thread calls this once on that thread first.
     */
    public static void bindStringMethods(Globals globals) {
        StringMethods.bind(globals);
    }

    /**
     * Returns the text Lua 5.1 writes for a number ({@code "%.14g"}: {@code 1e+15}, {@code 0.1}, {@code 3}),
     * for Java code that turns Lua numbers into text, where LuaJ's {@code tojstring()} would give
     * {@code 1000000000000000} or {@code 0.33333334}.
     */
    public static String formatNumber(double number) {
        return CPrintf.formatNumber14g(number);
    }

    private static void installLoading(Globals globals) {
        if (globals.compiler != null && !(globals.compiler instanceof Lua51Compiler)) {
            globals.compiler = new Lua51Compiler(globals.compiler);
        }
        if (globals.loader != null && !(globals.loader instanceof Lua51Loader)) {
            globals.loader = new Lua51Loader(globals.loader);
        }
    }

    private static void installBit(Globals globals) {
        LuaTable bit = BitLibrary.create();
        globals.set("bit", bit);
        LuaValue loaded = globals.get("package").get("loaded");
        if (loaded.istable()) {
            loaded.set("bit", bit);
        }
    }

    private static void installInto(Globals globals, String libraryName, Consumer<LuaValue> installer) {
        LuaValue library = globals.get(libraryName);
        if (library.istable()) {
            installer.accept(library);
        }
    }
}
