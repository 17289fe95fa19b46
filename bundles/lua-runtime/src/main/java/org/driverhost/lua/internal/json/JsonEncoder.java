package org.driverhost.lua.internal.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Encodes Lua values as JSON text, following the rules of dkjson, the JSON module most drivers ship.
 *
 * <p>Strings are copied byte for byte: only {@code "}, {@code \}, control characters and DEL are escaped, so a
 * binary string comes back unchanged from {@link JsonDecoder}. A table is an array when every key is a positive
 * integer and it has few holes (holes become {@code null}); an empty table is {@code []}. A metatable field
 * {@code __jsontype} of {@code "object"} or {@code "array"} overrides that guess. NaN and the infinities, which
 * JSON cannot represent, become {@code null}.
 */
public final class JsonEncoder {

    /** Nesting depth beyond which encoding fails, so that deep tables cannot exhaust the driver thread's stack. */
    static final int MAX_DEPTH = 500;
    private static final LuaString JSON_TYPE = LuaValue.valueOf("__jsontype");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean pretty;
    private final boolean sortKeys;
    private final LuaValue nullValue;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<LuaValue, Boolean> open = new IdentityHashMap<>();

    /**
     * @param pretty indent nested values by two spaces, one member per line
     * @param sortKeys write object members sorted by key (as bytes), for stable output
     * @param nullValue a value that stands for JSON {@code null} (the {@code json.null} sentinel), or nil for none
     */
    public JsonEncoder(boolean pretty, boolean sortKeys, LuaValue nullValue) {
        this.pretty = pretty;
        this.sortKeys = sortKeys;
        this.nullValue = nullValue;
    }

    /** Returns the JSON text of {@code value} as a Lua string. */
    public LuaString encode(LuaValue value) throws JsonException {
        out.reset();
        open.clear();
        write(value, 0, "value");
        return LuaString.valueUsing(out.toByteArray());
    }

    private void write(LuaValue value, int depth, String path) throws JsonException {
        if (!nullValue.isnil() && value.raweq(nullValue)) {
            ascii("null");
            return;
        }
        switch (value.type()) {
            case LuaValue.TNIL -> ascii("null");
            case LuaValue.TBOOLEAN -> ascii(value.toboolean() ? "true" : "false");
            case LuaValue.TNUMBER -> ascii(number(value.todouble()));
            case LuaValue.TSTRING -> string(value.checkstring());
            case LuaValue.TTABLE -> table((LuaTable) value, depth, path);
            default -> throw new JsonException("cannot encode " + path + ": a " + value.typename()
                    + " has no JSON form (accepted: nil, boolean, number, string, table)");
        }
    }

    /** Formats integers without a fraction and other numbers with the shortest digits that read back exactly. */
    static String number(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return "null";
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return Double.toString(number);
    }

    private void string(LuaString string) {
        out.write('"');
        for (int i = 0; i < string.length(); i++) {
            int b = string.luaByte(i);
            switch (b) {
                case '"' -> ascii("\\\"");
                case '\\' -> ascii("\\\\");
                case '\n' -> ascii("\\n");
                case '\r' -> ascii("\\r");
                case '\t' -> ascii("\\t");
                case '\b' -> ascii("\\b");
                case '\f' -> ascii("\\f");
                default -> {
                    if (b < 0x20 || b == 0x7f) {
                        ascii("\\u00");
                        out.write(HEX[b >> 4]);
                        out.write(HEX[b & 0xf]);
                    } else {
                        out.write(b);
                    }
                }
            }
        }
        out.write('"');
    }

    private void table(LuaTable table, int depth, String path) throws JsonException {
        if (depth >= MAX_DEPTH) {
            throw new JsonException("cannot encode " + path + ": tables nested deeper than " + MAX_DEPTH + " levels");
        }
        if (open.put(table, Boolean.TRUE) != null) {
            throw new JsonException("cannot encode " + path + ": the table contains itself (a reference cycle)");
        }
        int arrayLength = arrayLength(table);
        if (arrayLength >= 0) {
            array(table, arrayLength, depth, path);
        } else {
            object(table, depth, path);
        }
        open.remove(table);
    }

    /** Returns the length to write the table as an array with, or -1 when it is an object. */
    private static int arrayLength(LuaTable table) {
        String declared = declaredType(table);
        if ("object".equals(declared)) {
            return -1;
        }
        boolean forcedArray = "array".equals(declared);
        long max = 0;
        long count = 0;
        for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
            if (key.type() != LuaValue.TNUMBER || key.todouble() < 1 || key.todouble() != Math.rint(key.todouble())) {
                return forcedArray ? (int) Math.min(table.length(), Integer.MAX_VALUE) : -1;
            }
            max = Math.max(max, (long) key.todouble());
            count++;
        }
        // As dkjson does: a sparse table (more than half holes beyond ten slots) is an object, not an array of nulls.
        if (!forcedArray && max > 10 && max > count * 2) {
            return -1;
        }
        return (int) Math.min(max, Integer.MAX_VALUE);
    }

    private static String declaredType(LuaTable table) {
        LuaValue metatable = table.getmetatable();
        LuaValue declared = metatable == null ? LuaValue.NIL : metatable.rawget(JSON_TYPE);
        return declared.type() == LuaValue.TSTRING ? declared.tojstring() : "";
    }

    private void array(LuaTable table, int length, int depth, String path) throws JsonException {
        out.write('[');
        for (int i = 1; i <= length; i++) {
            if (i > 1) {
                out.write(',');
            }
            newline(depth + 1);
            write(table.rawget(i), depth + 1, path + "[" + i + "]");
        }
        if (length > 0) {
            newline(depth);
        }
        out.write(']');
    }

    private void object(LuaTable table, int depth, String path) throws JsonException {
        List<LuaValue> keys = new ArrayList<>();
        for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
            if (key.type() != LuaValue.TSTRING && key.type() != LuaValue.TNUMBER) {
                throw new JsonException("cannot encode " + path + ": a " + key.typename()
                        + " key has no JSON form (accepted keys: strings and numbers)");
            }
            keys.add(key);
        }
        if (sortKeys) {
            keys.sort((a, b) -> keyString(a).strcmp(keyString(b)));
        }
        out.write('{');
        boolean first = true;
        for (LuaValue key : keys) {
            if (!first) {
                out.write(',');
            }
            first = false;
            newline(depth + 1);
            LuaString name = keyString(key);
            string(name);
            out.write(':');
            if (pretty) {
                out.write(' ');
            }
            write(table.rawget(key), depth + 1, path + "." + name.tojstring());
        }
        if (!keys.isEmpty()) {
            newline(depth);
        }
        out.write('}');
    }

    private static LuaString keyString(LuaValue key) {
        return key.type() == LuaValue.TNUMBER ? LuaValue.valueOf(number(key.todouble())) : key.checkstring();
    }

    private void newline(int depth) {
        if (pretty) {
            out.write('\n');
            for (int i = 0; i < depth; i++) {
                ascii("  ");
            }
        }
    }

    private void ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
