package org.driverhost.lua.internal.compat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.DebugLib;
import org.luaj.vm2.lib.jse.JsePlatform;

/** Runs Lua code in a LuaJ state with the compatibility layer installed and returns what it printed. */
final class LuaScripts {

    private LuaScripts() {
    }

    /** Creates standard globals with LuaJ's debug library and the compatibility layer. */
    static Globals newGlobals() {
        Globals globals = JsePlatform.standardGlobals();
        globals.load(new DebugLib());
        Lua51Compat.install(globals);
        return globals;
    }

    /** Creates standard globals without LuaJ's debug library, as {@code JsePlatform.standardGlobals()} makes them. */
    static Globals newGlobalsWithoutDebug() {
        Globals globals = JsePlatform.standardGlobals();
        Lua51Compat.install(globals);
        return globals;
    }

    /** Runs {@code code} as a chunk named {@code chunkname} and returns its standard output. */
    static String run(Globals globals, String code, String chunkname) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        globals.STDOUT = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        globals.load(code, chunkname).call();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Evaluates {@code expression} and returns its value. */
    static LuaValue eval(Globals globals, String expression) {
        return globals.load("return " + expression, "=test").call();
    }

    /** Evaluates {@code expressions} and returns all results joined by spaces, each through {@code tostring}. */
    static String joined(Globals globals, String expressions) {
        String code = "local function join(...) local t = {} for i = 1, select('#', ...) do "
                + "t[i] = tostring((select(i, ...))) end return table.concat(t, ' ') end "
                + "return join(" + expressions + ")";
        return globals.load(code, "=test").call().tojstring();
    }

    /** Reads a test resource beside this class as ISO-8859-1 text, so every byte maps to one char. */
    static String resource(String name) {
        try (InputStream in = LuaScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("test resource not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
