package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.1's {@code module} and {@code package.seeall}.
 *
 * <p>{@code module(name, ...)} finds or creates the module table (in {@code package.loaded[name]}, else
 * at the dotted path in the globals), sets {@code _NAME}, {@code _M} and {@code _PACKAGE}, makes the table
 * the environment of the calling function and applies the options. NOTE: finding the calling function needs
 * LuaJ's debug library; without it {@code module} raises an error rather than leaving the caller's globals
 * in place silently.
 */
final class ModuleFunctions {

    private ModuleFunctions() {
    }

    static void install(Globals globals, FunctionEnvironments environments, StackInspector stack) {
        globals.set("module", new ModuleFunction(globals, environments, stack));
        LuaValue packageTable = globals.get("package");
        if (packageTable.istable()) {
            packageTable.set("seeall", new SeeallFunction(globals));
            if (packageTable.get("loaders").isnil()) {
                packageTable.set("loaders", packageTable.get("searchers"));
            }
        }
    }

    private static final class ModuleFunction extends VarArgFunction {

        private final Globals globals;
        private final FunctionEnvironments environments;
        private final StackInspector stack;

        ModuleFunction(Globals globals, FunctionEnvironments environments, StackInspector stack) {
            this.globals = globals;
            this.environments = environments;
            this.stack = stack;
            this.name = "module";
        }

        @Override
        public Varargs invoke(Varargs args) {
            String moduleName = LuaNumbers.checkString(args.narg() == 0 ? NONE : args.arg1(), 1, name).tojstring();
            if (!stack.available()) {
                throw new LuaError("'module' needs LuaJ's debug library to set the environment of its caller");
            }

            LuaValue loaded = globals.get("package").get("loaded");
            LuaValue module = loaded.get(moduleName);
            if (!module.istable()) {
                module = findOrCreateTable(moduleName);
                loaded.set(moduleName, module);
            }
            if (module.get("_NAME").isnil()) {
                module.set("_M", module);
                module.set("_NAME", moduleName);
                int lastDot = moduleName.lastIndexOf('.');
                module.set("_PACKAGE", moduleName.substring(0, lastDot + 1));
            }

            LuaValue caller = environments.functionAtLevel(1, name);
            if (!(caller instanceof LuaClosure closure)) {
                throw new LuaError("'module' not called from a Lua function");
            }
            FunctionEnvironments.setEnvironment(closure, module);

            for (int i = 2; i <= args.narg(); i++) {
                args.arg(i).call(module);
            }
            return NONE;
        }

        private LuaValue findOrCreateTable(String dottedName) {
            LuaValue table = globals;
            for (String part : dottedName.split("\\.", -1)) {
                LuaValue next = table.rawget(part);
                if (next.isnil()) {
                    next = new LuaTable();
                    table.rawset(part, next);
                } else if (!next.istable()) {
                    throw new LuaError("name conflict for module '" + dottedName + "'");
                }
                table = next;
            }
            return table;
        }
    }

    private static final class SeeallFunction extends OneArgFunction {

        private final Globals globals;

        SeeallFunction(Globals globals) {
            this.globals = globals;
            this.name = "seeall";
        }

        @Override
        public LuaValue call(LuaValue module) {
            if (!module.istable()) {
                throw new LuaError(ArgumentErrors.typeError(1, name, "table", module));
            }
            LuaValue metatable = module.getmetatable();
            if (metatable == null) {
                metatable = new LuaTable();
                module.setmetatable(metatable);
            }
            metatable.set(INDEX, globals);
            return NONE;
        }
    }
}
