package org.driverhost.lua.internal.env;

import java.util.Map;
import java.util.function.Supplier;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Modules a controller provides that drivers {@code require} without shipping them. They are found by a searcher
 * placed after the package's own files, so a driver that ships its own {@code json.lua} keeps using it.
 */
public final class ControllerModules {

    /** Names of the provided modules and what builds each one. */
    static final Map<String, Supplier<LuaTable>> MODULES = Map.of("json", JsonModule::create);

    private ControllerModules() {
    }

    /** Appends the searcher to {@code package.searchers}. */
    public static void install(Globals globals) {
        LuaValue searchers = globals.get("package").get("searchers");
        searchers.set(searchers.length() + 1, new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                String name = args.checkjstring(1);
                Supplier<LuaTable> module = MODULES.get(name);
                if (module == null) {
                    return LuaValue.valueOf("\n\tno module '" + name + "' provided by DriverHost");
                }
                return new VarArgFunction() {
                    @Override
                    public Varargs invoke(Varargs loaderArgs) {
                        return module.get();
                    }
                };
            }
        });
    }
}
