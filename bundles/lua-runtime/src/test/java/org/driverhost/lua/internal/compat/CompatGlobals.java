package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseIoLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/** Lua states for the compatibility tests, without the runtime's sandbox and C4 library. */
final class CompatGlobals {

    private CompatGlobals() {
    }

    /**
     * Creates globals shaped like a Lua 5.1 driver environment, with the compatibility layer installed.
     *
     * <p>Compared with {@code JsePlatform.standardGlobals()}, it leaves out {@code luajava} (which gives Lua
     * code access to any Java class) and Lua 5.2's {@code bit32} (absent in Lua 5.1 and LuaJIT, and with
     * unsigned results that differ from {@code bit}), and it adds LuaJ's debug library, which the stack
     * levels of {@code getfenv}, {@code setfenv}, {@code module} and {@code error} need. A sandbox may still
     * remove {@code io}, {@code os} functions or the {@code debug} table afterwards.
     */
    static Globals newDriverGlobals() {
        Globals globals = new Globals();
        globals.load(new JseBaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new CoroutineLib());
        globals.load(new JseMathLib());
        globals.load(new JseIoLib());
        globals.load(new JseOsLib());
        globals.load(new DebugLib());
        LoadState.install(globals);
        LuaC.install(globals);
        Lua51Compat.install(globals);
        return globals;
    }
}
