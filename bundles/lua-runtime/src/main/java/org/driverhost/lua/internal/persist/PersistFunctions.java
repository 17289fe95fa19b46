package org.driverhost.lua.internal.persist;

import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;
import org.slf4j.Logger;

/**
 * {@code C4:PersistSetValue}, {@code C4:PersistGetValue}, {@code C4:PersistDeleteValue} and
 * {@code C4:PersistDeleteAll} of one driver. A value that cannot be stored returns {@code false, message} and
 * logs a warning; no Java exception reaches Lua.
 */
public final class PersistFunctions {

    private final PersistStore store;
    private final String instance;
    private final Logger log;

    public PersistFunctions(PersistStore store, String instance, Logger log) {
        this.store = store;
        this.instance = instance;
        this.log = log;
    }

    /** Adds the four functions to a driver's {@code C4} table. */
    public void addTo(LuaTable c4) {
        c4.set("PersistSetValue", function("PersistSetValue", this::set));
        c4.set("PersistGetValue", function("PersistGetValue", this::get));
        c4.set("PersistDeleteValue", function("PersistDeleteValue", this::delete));
        c4.set("PersistDeleteAll", function("PersistDeleteAll", args -> {
            store.deleteAll();
            return LuaValue.NONE;
        }));
    }

    /** (name, value, encrypted). */
    private Varargs set(Varargs args) throws PersistException {
        String name = name(args);
        LuaValue value = args.arg(3);
        if (value.isnil()) {
            // A controller treats storing nil as removing the value.
            store.delete(name);
            return LuaValue.NONE;
        }
        store.set(name, value, args.arg(4).toboolean());
        return LuaValue.NONE;
    }

    /** (name, encrypted): the flag is not needed to read, because the file records how each value was stored. */
    private Varargs get(Varargs args) throws PersistException {
        return store.get(name(args));
    }

    private Varargs delete(Varargs args) throws PersistException {
        store.delete(name(args));
        return LuaValue.NONE;
    }

    private static String name(Varargs args) throws PersistException {
        LuaValue name = args.arg(2);
        if (!name.isstring()) {
            throw new PersistException("invalid name " + name.tojstring() + " (" + name.typename()
                    + "): accepted is a string");
        }
        LuaString bytes = name.checkstring();
        return new String(bytes.m_bytes, bytes.m_offset, bytes.m_length, StandardCharsets.ISO_8859_1);
    }

    private interface Body {
        Varargs call(Varargs args) throws PersistException;
    }

    private VarArgFunction function(String functionName, Body body) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    return body.call(args);
                } catch (PersistException e) {
                    log.warn("Driver {}: C4:{} failed: {}", instance, functionName, e.getMessage());
                    return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("C4:" + functionName + ": "
                            + e.getMessage()));
                }
            }
        };
    }
}
