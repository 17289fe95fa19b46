package org.driverhost.lua.internal.persist;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Encodes the Lua values that {@code C4:PersistSetValue} accepts (numbers, strings, booleans and tables of
 * them) into bytes and back. Strings keep their exact bytes, NUL and non-UTF-8 bytes included.
 *
 * <p>Encoding: one tag byte per value. {@code 'i'} 8-byte integer, {@code 'd'} 8-byte IEEE double, {@code 's'}
 * 4-byte length and the bytes, {@code 'T'}/{@code 'F'} booleans, {@code 't'} 4-byte pair count and each key and
 * value. Integers stay integers so that {@code tostring} shows {@code 3}, not {@code 3.0}.
 */
final class ValueCodec {

    /** Deepest table nesting accepted, so that a self-made deep structure cannot overflow the stack. */
    static final int MAX_DEPTH = 64;

    private ValueCodec() {
    }

    static byte[] encode(LuaValue value) throws PersistException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, 0, new IdentityHashMap<>(), "value");
        } catch (IOException e) {
            throw new PersistException("the value could not be encoded: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static LuaValue decode(byte[] encoded) throws PersistException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            LuaValue value = read(in, 0);
            if (in.read() != -1) {
                throw new PersistException("invalid persisted value: bytes after its end");
            }
            return value;
        } catch (EOFException e) {
            throw new PersistException("invalid persisted value: truncated", e);
        } catch (IOException e) {
            throw new PersistException("invalid persisted value: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, LuaValue value, int depth, Map<LuaValue, Boolean> open,
            String where) throws IOException, PersistException {
        switch (value.type()) {
            case LuaValue.TNUMBER -> {
                if (value.isint() || (value.islong() && value.todouble() == (double) value.tolong())) {
                    out.writeByte('i');
                    out.writeLong(value.tolong());
                } else {
                    out.writeByte('d');
                    out.writeDouble(value.todouble());
                }
            }
            case LuaValue.TSTRING -> {
                LuaString text = value.checkstring();
                out.writeByte('s');
                out.writeInt(text.m_length);
                out.write(text.m_bytes, text.m_offset, text.m_length);
            }
            case LuaValue.TBOOLEAN -> out.writeByte(value.toboolean() ? 'T' : 'F');
            case LuaValue.TTABLE -> writeTable(out, (LuaTable) value, depth, open, where);
            default -> throw new PersistException("invalid " + where + " of type " + value.typename()
                    + ": accepted are numbers, strings, booleans and tables of them");
        }
    }

    private static void writeTable(DataOutputStream out, LuaTable table, int depth, Map<LuaValue, Boolean> open,
            String where) throws IOException, PersistException {
        if (depth >= MAX_DEPTH) {
            throw new PersistException("invalid " + where + ": tables nested deeper than " + MAX_DEPTH + " levels");
        }
        if (open.put(table, Boolean.TRUE) != null) {
            throw new PersistException("invalid " + where + ": a table that contains itself cannot be stored");
        }
        int count = 0;
        for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
            count++;
        }
        out.writeByte('t');
        out.writeInt(count);
        for (LuaValue key = table.next(LuaValue.NIL).arg1(); !key.isnil(); key = table.next(key).arg1()) {
            write(out, key, depth + 1, open, "table key");
            write(out, table.rawget(key), depth + 1, open, "table value");
        }
        open.remove(table);
    }

    private static LuaValue read(DataInputStream in, int depth) throws IOException, PersistException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'i':
                return LuaValue.valueOf((double) in.readLong());
            case 'd':
                return LuaValue.valueOf(in.readDouble());
            case 's':
                return LuaValue.valueOf(readBytes(in));
            case 'T':
                return LuaValue.TRUE;
            case 'F':
                return LuaValue.FALSE;
            case 't':
                return readTable(in, depth);
            default:
                throw new PersistException("invalid persisted value: unknown tag " + tag);
        }
    }

    private static LuaTable readTable(DataInputStream in, int depth) throws IOException, PersistException {
        if (depth >= MAX_DEPTH) {
            throw new PersistException("invalid persisted value: tables nested deeper than " + MAX_DEPTH + " levels");
        }
        int count = in.readInt();
        if (count < 0) {
            throw new PersistException("invalid persisted value: negative table size " + count);
        }
        LuaTable table = new LuaTable();
        for (int i = 0; i < count; i++) {
            LuaValue key = read(in, depth + 1);
            table.rawset(key, read(in, depth + 1));
        }
        return table;
    }

    static byte[] readBytes(DataInputStream in) throws IOException, PersistException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new PersistException("invalid persisted value: string length " + length + " beyond the data");
        }
        byte[] data = new byte[length];
        in.readFully(data);
        return data;
    }
}
