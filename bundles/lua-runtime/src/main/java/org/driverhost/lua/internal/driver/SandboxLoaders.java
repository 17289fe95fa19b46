package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code dofile} and {@code loadfile} that read only from the driver's package and sandbox folders, with the
 * error messages of {@link SandboxFiles}. Only Lua source is loaded, never precompiled chunks.
 */
final class SandboxLoaders {

    private SandboxLoaders() {
    }

    static void install(Globals globals, SandboxFiles files) {
        globals.set("loadfile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    LuaValue env = args.narg() >= 3 ? args.arg(3) : globals;
                    return loadChunk(globals, files, "loadfile", args.checkjstring(1), env);
                } catch (IOException e) {
                    return varargsOf(NIL, valueOf(e.getMessage()));
                } catch (LuaError e) {
                    return varargsOf(NIL, valueOf(e.getMessage()));
                }
            }
        });
        globals.set("dofile", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    return loadChunk(globals, files, "dofile", args.checkjstring(1), globals).invoke();
                } catch (IOException e) {
                    throw new LuaError(e.getMessage());
                }
            }
        });
    }

    private static LuaValue loadChunk(Globals globals, SandboxFiles files, String function, String name, LuaValue env)
            throws IOException {
        Path file = files.forReading(function, name);
        try (InputStream in = Files.newInputStream(file)) {
            return globals.load(in, "@" + name, "t", env);
        }
    }
}
