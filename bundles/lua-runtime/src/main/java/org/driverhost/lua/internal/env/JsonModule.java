package org.driverhost.lua.internal.env;

import org.driverhost.lua.internal.json.JsonDecoder;
import org.driverhost.lua.internal.json.JsonEncoder;
import org.driverhost.lua.internal.json.JsonException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code json} module that drivers {@code require} without shipping it. Its functions follow the calling
 * conventions of dkjson, the module most drivers bundle. {@code json.encode(value [, state])} returns indented
 * text when the state table has a true {@code indent} field. {@code json.decode(text [, position, nullValue])}
 * returns the value, or nil and a message. {@code json.null} encodes as {@code null}.
 */
final class JsonModule {

    private JsonModule() {
    }

    static LuaTable create() {
        LuaTable json = new LuaTable();
        LuaTable nullValue = new LuaTable();
        LuaTable nullMetatable = new LuaTable();
        nullMetatable.set(LuaValue.TOSTRING, new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return LuaValue.valueOf("null");
            }
        });
        nullValue.setmetatable(nullMetatable);

        json.set("null", nullValue);
        json.set("version", "DriverHost json 1.0");
        json.set("encode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue state = args.arg(2);
                boolean indent = state.istable() && state.get("indent").toboolean();
                try {
                    return new JsonEncoder(indent, indent, nullValue).encode(args.arg1());
                } catch (JsonException e) {
                    throw new LuaError(e.getMessage());
                }
            }
        });
        json.set("decode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                LuaValue text = args.arg1();
                if (text.type() != LuaValue.TSTRING) {
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf("invalid text: expected a string of JSON"));
                }
                // dkjson's optional start position, 1-based; positions past the end leave no text to decode.
                int start = Math.max(1, Math.min(args.optint(2, 1), text.length() + 1));
                try {
                    LuaValue textFromStart = text.checkstring().substring(start - 1, text.length());
                    return JsonDecoder.decode(textFromStart.checkstring(), args.arg(3));
                } catch (JsonException e) {
                    return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(e.getMessage()));
                }
            }
        });
        return json;
    }
}
