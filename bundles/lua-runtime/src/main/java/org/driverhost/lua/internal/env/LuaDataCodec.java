package org.driverhost.lua.internal.env;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Writes Lua data (booleans, numbers, strings as bytes, and tables of them, nested) to bytes and reads it back
 * exactly. Functions, userdata, coroutines and tables that contain themselves have no stored form. They are left
 * out and reported, so one bad entry does not lose the rest.
 */
final class LuaDataCodec {

    private static final int FORMAT_VERSION = 1;
    private static final int MAX_DEPTH = 200;
    private static final byte FALSE = 'f';
    private static final byte TRUE = 't';
    private static final byte NUMBER = 'n';
    private static final byte STRING = 's';
    private static final byte TABLE = 'T';

    private final List<String> skipped = new ArrayList<>();
    private final Map<LuaValue, Boolean> open = new IdentityHashMap<>();

    /**
     * Returns the stored form of a table. Entries without one are listed by {@link #skipped()}.
     *
     * @param name the table's name in those listed paths
     */
    byte[] encode(LuaTable table, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT_VERSION);
            writeTable(out, table, name, 0);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Returns the paths (such as {@code PersistData.handlers.onData}) of entries that {@link #encode} left out. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** Reads a table written by {@link #encode}. */
    static LuaTable decode(byte[] stored) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IOException("unknown format version " + version + ", expected " + FORMAT_VERSION);
            }
            LuaValue value = readValue(in, 0);
            if (!(value instanceof LuaTable table)) {
                throw new IOException("the stored value is not a table");
            }
            return table;
        } catch (EOFException e) {
            throw new IOException("the stored data ends early", e);
        }
    }

    private void writeTable(DataOutputStream out, LuaTable table, String path, int depth) throws IOException {
        open.put(table, Boolean.TRUE);
        List<LuaValue[]> entries = new ArrayList<>();
        for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
            LuaValue value = table.rawget(key);
            String entryPath = path + "[" + key.tojstring() + "]";
            if (storable(key, depth + 1) && storable(value, depth + 1)) {
                entries.add(new LuaValue[] {key, value});
            } else {
                skipped.add(entryPath);
            }
        }
        out.writeByte(TABLE);
        out.writeInt(entries.size());
        for (LuaValue[] entry : entries) {
            writeValue(out, entry[0], path, depth);
            writeValue(out, entry[1], path + "[" + entry[0].tojstring() + "]", depth);
        }
        open.remove(table);
    }

    private boolean storable(LuaValue value, int depth) {
        return switch (value.type()) {
            case LuaValue.TBOOLEAN, LuaValue.TNUMBER, LuaValue.TSTRING -> true;
            case LuaValue.TTABLE -> depth < MAX_DEPTH && !open.containsKey(value);
            default -> false;
        };
    }

    private void writeValue(DataOutputStream out, LuaValue value, String path, int depth) throws IOException {
        switch (value.type()) {
            case LuaValue.TBOOLEAN -> out.writeByte(value.toboolean() ? TRUE : FALSE);
            case LuaValue.TNUMBER -> {
                out.writeByte(NUMBER);
                out.writeDouble(value.todouble());
            }
            case LuaValue.TSTRING -> {
                LuaString string = value.checkstring();
                byte[] bytes = new byte[string.length()];
                string.copyInto(0, bytes, 0, bytes.length);
                out.writeByte(STRING);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            default -> writeTable(out, (LuaTable) value, path, depth + 1);
        }
    }

    private static LuaValue readValue(DataInputStream in, int depth) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case TRUE:
                return LuaValue.TRUE;
            case FALSE:
                return LuaValue.FALSE;
            case NUMBER:
                return LuaValue.valueOf(in.readDouble());
            case STRING:
                byte[] bytes = new byte[checkedLength(in.readInt(), in)];
                in.readFully(bytes);
                return LuaString.valueUsing(bytes);
            case TABLE:
                if (depth > MAX_DEPTH) {
                    throw new IOException("tables nested deeper than " + MAX_DEPTH + " levels");
                }
                int count = checkedLength(in.readInt(), in);
                LuaTable table = new LuaTable();
                for (int i = 0; i < count; i++) {
                    LuaValue key = readValue(in, depth + 1);
                    table.rawset(key, readValue(in, depth + 1));
                }
                return table;
            default:
                throw new IOException("unknown type tag 0x" + Integer.toHexString(tag & 0xff));
        }
    }

    /** Rejects a length that is negative or larger than the bytes left, so corrupt data cannot allocate gigabytes. */
    private static int checkedLength(int length, DataInputStream in) throws IOException {
        if (length < 0 || length > in.available()) {
            throw new IOException("invalid length " + length + " in the stored data");
        }
        return length;
    }
}
