package org.driverhost.lua.internal.compat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.luaj.vm2.Globals;
import org.luaj.vm2.Prototype;

/**
 * Compiles Lua 5.1 source with LuaJ's compiler after {@link GotoNameRewriter} has made {@code goto} names
 * acceptable, and names the chunk as Lua 5.1 does in syntax error messages.
 */
final class Lua51Compiler implements Globals.Compiler {

    private final Globals.Compiler luajCompiler;

    Lua51Compiler(Globals.Compiler luajCompiler) {
        this.luajCompiler = luajCompiler;
    }

    @Override
    public Prototype compile(InputStream stream, String chunkname) throws IOException {
        byte[] source = GotoNameRewriter.rewrite(stream.readAllBytes());
        // LuaJ's own chunk id keeps whole multi-line strings; "=" makes it print the 5.1 short name as given.
        String shortName = ChunkNames.shortName(chunkname != null ? chunkname : "=?");
        return luajCompiler.compile(new ByteArrayInputStream(source), "=" + shortName);
    }
}
