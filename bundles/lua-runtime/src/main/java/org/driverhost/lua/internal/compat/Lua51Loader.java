package org.driverhost.lua.internal.compat;

import java.io.IOException;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns prototypes into functions after {@link PrototypeRewriter} has prepared them for Lua 5.1 rules. */
final class Lua51Loader implements Globals.Loader {

    private static final Logger LOG = LoggerFactory.getLogger(Lua51Loader.class);

    private final Globals.Loader luajLoader;

    Lua51Loader(Globals.Loader luajLoader) {
        this.luajLoader = luajLoader;
    }

    @Override
    public LuaFunction load(Prototype prototype, String chunkname, LuaValue env) throws IOException {
        Prototype prepared;
        try {
            prepared = PrototypeRewriter.prepare(prototype);
        } catch (RuntimeException e) {
            // A chunk that runs with LuaJ's number text is better than a chunk that does not load.
            LOG.warn("Chunk {} runs without the Lua 5.1 rewrite of '..' because rewriting failed", chunkname, e);
            prepared = prototype;
        }
        return luajLoader.load(prepared, chunkname, env);
    }
}
