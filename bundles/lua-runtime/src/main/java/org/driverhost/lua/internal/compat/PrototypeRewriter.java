package org.driverhost.lua.internal.compat;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.luaj.vm2.LocVars;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.Prototype;

/**
 * Prepares a compiled or undumped chunk for running under Lua 5.1 rules: it copies the prototype tree,
 * rewrites {@code ..} in the copy ({@link ConcatRewriter}) and stores the short chunk name as its source.
 *
 * <p>LuaJ writes the raw source into error positions, so a driver loaded as {@code "@driver.lua"} would
 * report {@code @driver.lua:3}. The copy's source is the name Lua 5.1 prints instead. NOTE: because of
 * this, {@code debug.getinfo(f).source} also returns the short name, without {@code @} or {@code =}.
 *
 * <p>The originals stay reachable from their copies so that {@code string.dump} can write the function
 * without the call to a Java function, which LuaJ's dump format cannot hold.
 */
final class PrototypeRewriter {

    private static final Map<Prototype, Prototype> ORIGINALS = Collections.synchronizedMap(new WeakHashMap<>());

    private PrototypeRewriter() {
    }

    /** Returns a rewritten copy of {@code original} and of all its nested functions. */
    static Prototype prepare(Prototype original) {
        if (ORIGINALS.containsKey(original)) {
            return original;
        }
        Prototype copy = copyOf(original);
        ConcatRewriter.rewrite(copy);
        if (original.source != null) {
            copy.source = LuaString.valueOf(ChunkNames.shortName(original.source.tojstring()));
        }
        if (original.p != null) {
            copy.p = new Prototype[original.p.length];
            for (int i = 0; i < original.p.length; i++) {
                copy.p[i] = prepare(original.p[i]);
            }
        }
        ORIGINALS.put(copy, original);
        return copy;
    }

    /** Returns the prototype as compiled, before {@link #prepare}, or {@code prototype} if it was not prepared. */
    static Prototype original(Prototype prototype) {
        Prototype original = ORIGINALS.get(prototype);
        return original != null ? original : prototype;
    }

    private static Prototype copyOf(Prototype original) {
        Prototype copy = new Prototype();
        copy.k = original.k.clone();
        copy.code = original.code.clone();
        copy.p = original.p;
        copy.lineinfo = original.lineinfo != null ? original.lineinfo.clone() : null;
        copy.locvars = copyLocals(original.locvars);
        copy.upvalues = original.upvalues;
        copy.source = original.source;
        copy.linedefined = original.linedefined;
        copy.lastlinedefined = original.lastlinedefined;
        copy.numparams = original.numparams;
        copy.is_vararg = original.is_vararg;
        copy.maxstacksize = original.maxstacksize;
        return copy;
    }

    private static LocVars[] copyLocals(LocVars[] locals) {
        if (locals == null) {
            return null;
        }
        LocVars[] copy = Arrays.copyOf(locals, locals.length);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != null) {
                copy[i] = new LocVars(copy[i].varname, copy[i].startpc, copy[i].endpc);
            }
        }
        return copy;
    }
}
