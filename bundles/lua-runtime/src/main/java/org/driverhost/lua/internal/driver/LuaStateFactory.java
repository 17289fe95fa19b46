package org.driverhost.lua.internal.driver;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.driverhost.lua.internal.compat.Lua51Compat;
import org.driverhost.lua.internal.log.DriverLog;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * Builds the Lua state of a driver: LuaJ's standard libraries without {@code luajava} (which would hand drivers
 * every Java class) and without Lua 5.2's {@code bit32}, file access confined to the driver's folders, the counting {@code debug} hook with only
 * {@code debug.traceback} visible, the Lua 5.1 compatibility layer, then the DriverWorks globals.
 */
final class LuaStateFactory {

    /** Values of the init-type globals: each is its own name, as drivers compare with either form. */
    static final String DIT_ADDING = "DIT_ADDING";
    static final String DIT_STARTUP = "DIT_STARTUP";
    static final String DIT_UPDATING = "DIT_UPDATING";
    static final String DIT_LOADED = "DIT_LOADED";

    private LuaStateFactory() {
    }

    /**
     * Returns globals with the standard libraries, confined to the driver's folders for module loading and file
     * access, with standard output and error going to {@code log}.
     */
    static Globals standardGlobals(SandboxFiles files, InstructionBudget budget, DriverLog log) {
        Globals globals = new Globals();
        // JseIoLib wraps these streams when a driver first uses io.write or io.stdout.
        globals.STDOUT = new PrintStream(new LogOutputStream(log, false), true, StandardCharsets.UTF_8);
        globals.STDERR = new PrintStream(new LogOutputStream(log, true), true, StandardCharsets.UTF_8);
        globals.STDIN = InputStream.nullInputStream();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new CoroutineLib());
        globals.load(new JseMathLib());
        globals.load(new SandboxIoLib(files));
        globals.load(new SandboxOsLib(files));
        globals.load(budget);
        LoadState.install(globals);
        LuaC.install(globals);

        confineModules(globals, files.packageFolder());
        removeProcessControl(globals);
        SandboxLoaders.install(globals, files);
        // The compatibility layer comes before hiding debug, so that it can take what it needs from the full library.
        Lua51Compat.install(globals);
        hideDebugLibrary(globals);
        globals.set("print", new LogPrint(globals, log));
        return globals;
    }

    /** Adds the DriverWorks globals: the init-type constants, {@code Properties} and {@code C4}. */
    static void addDriverGlobals(Globals globals, Map<String, String> propertyDefaults, LuaTable c4) {
        for (String dit : new String[] {DIT_ADDING, DIT_STARTUP, DIT_UPDATING, DIT_LOADED}) {
            globals.set(dit, dit);
        }
        LuaTable properties = new LuaTable();
        propertyDefaults.forEach(properties::set);
        globals.set("Properties", properties);
        globals.set("C4", c4);
    }

    /**
     * Adds the properties that a new version declares and the driver does not have yet. Existing values stay
     * because an update keeps the settings an operator made.
     */
    static void mergeProperties(Globals globals, Map<String, String> propertyDefaults) {
        LuaValue properties = globals.rawget("Properties");
        if (!properties.istable()) {
            properties = new LuaTable();
            globals.set("Properties", properties);
        }
        for (Map.Entry<String, String> property : propertyDefaults.entrySet()) {
            if (properties.rawget(property.getKey()).isnil()) {
                properties.rawset(property.getKey(), property.getValue());
            }
        }
    }

    /**
     * Makes {@code require "lib.utils"} load {@code lib/utils.lua} from the package folder, and drops LuaJ's
     * searcher that instantiates Java classes by name.
     */
    private static void confineModules(Globals globals, Path packageRoot) {
        globals.finder = new PackageResourceFinder(packageRoot);
        LuaValue packageTable = globals.get("package");
        packageTable.set("path", "?.lua;?/init.lua");
        LuaValue searchers = packageTable.get("searchers");
        // LuaJ 3.0.1 registers, in order: preload, Lua files through the finder, Java classes.
        searchers.set(3, LuaValue.NIL);
    }

    /**
     * Replaces {@code os.exit}, {@code os.execute} and {@code io.popen}, which would stop the whole runtime or run
     * host commands, with functions that raise an error naming themselves.
     */
    private static void removeProcessControl(Globals globals) {
        LuaValue os = globals.get("os");
        os.set("exit", unavailable("os.exit"));
        os.set("execute", unavailable("os.execute"));
        globals.get("io").set("popen", unavailable("io.popen"));
    }

    /**
     * Leaves drivers only {@code debug.traceback}. The instruction budget stays active because LuaJ reports
     * instructions to {@code globals.debuglib}, not to the {@code debug} table; the other functions would let a
     * driver remove that hook, read other functions' locals, or change metatables of every string.
     */
    private static void hideDebugLibrary(Globals globals) {
        LuaTable visible = new LuaTable();
        visible.set("traceback", globals.get("debug").get("traceback"));
        globals.set("debug", visible);
        globals.get("package").get("loaded").set("debug", visible);
    }

    private static LuaValue unavailable(String function) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                throw new LuaError(function + " is not available to drivers");
            }
        };
    }
}
