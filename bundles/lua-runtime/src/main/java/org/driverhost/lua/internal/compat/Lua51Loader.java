package org.driverhost.lua.internal.compat;

import java.io.IOException;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;

/** Turns prototypes into functions after {@link PrototypeRewriter} has prepared them for Lua 5.1 rules. */
final class Lua51Loader implements Globals.Loader {

    private final Globals.Loader luajLoader;

    Lua51Loader(Globals.Loader luajLoader) {
        this.luajLoader = luajLoader;
    }

    @Override
    public LuaFunction load(Prototype prototype, String chunkname, LuaValue env) throws IOException {
        return luajLoader.load(PrototypeRewriter.prepare(prototype), chunkname, env);
    }
}
