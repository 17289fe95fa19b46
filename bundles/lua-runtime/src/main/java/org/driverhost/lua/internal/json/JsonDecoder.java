package org.driverhost.lua.internal.json;

import java.io.ByteArrayOutputStream;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Decodes JSON text (RFC 8259) into Lua values: objects and arrays become tables (arrays indexed from 1), numbers
 * Lua numbers, and {@code null} becomes the caller's null value (nil by default, so a null member is absent and
 * a null array element is a hole). Bytes of strings are copied as they are; {@code \}{@code uXXXX} escapes,
 * surrogate pairs included, become UTF-8.
 */
public final class JsonDecoder {

    private final LuaString text;
    private final LuaValue nullValue;
    private int position;

    private JsonDecoder(LuaString text, LuaValue nullValue) {
        this.text = text;
        this.nullValue = nullValue;
    }

    /**
     * Decodes one JSON value; whitespace may surround it, anything else after it is an error.
     *
     * @param nullValue what JSON {@code null} decodes to
     */
    public static LuaValue decode(LuaString text, LuaValue nullValue) throws JsonException {
        JsonDecoder decoder = new JsonDecoder(text, nullValue);
        LuaValue value = decoder.value(0);
        decoder.skipWhitespace();
        if (decoder.position < text.length()) {
            throw decoder.error("unexpected text after the JSON value");
        }
        return value;
    }

    private LuaValue value(int depth) throws JsonException {
        if (depth >= JsonEncoder.MAX_DEPTH) {
            throw error("values nested deeper than " + JsonEncoder.MAX_DEPTH + " levels");
        }
        skipWhitespace();
        int c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", LuaValue.TRUE);
            case 'f' -> literal("false", LuaValue.FALSE);
            case 'n' -> literal("null", nullValue);
            case -1 -> throw error("unexpected end of the text, expected a value");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + (char) c + "', expected a value");
            }
        };
    }

    private LuaValue object(int depth) throws JsonException {
        LuaTable table = new LuaTable();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return table;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            LuaValue key = string();
            skipWhitespace();
            expect(':');
            LuaValue member = value(depth + 1);
            table.rawset(key, member);
            skipWhitespace();
            int c = next();
            if (c == '}') {
                return table;
            }
            if (c != ',') {
                throw error("expected ',' or '}' after an object member");
            }
        }
    }

    private LuaValue array(int depth) throws JsonException {
        LuaTable table = new LuaTable();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return table;
        }
        for (int index = 1;; index++) {
            LuaValue element = value(depth + 1);
            if (!element.isnil()) {
                table.rawset(index, element);
            }
            skipWhitespace();
            int c = next();
            if (c == ']') {
                return table;
            }
            if (c != ',') {
                throw error("expected ',' or ']' after an array element");
            }
        }
    }

    private LuaValue string() throws JsonException {
        int start = position;
        position++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            int c = next();
            if (c == -1) {
                position = start;
                throw error("unterminated string");
            }
            if (c == '"') {
                return LuaString.valueUsing(bytes.toByteArray());
            }
            if (c < 0x20) {
                throw error("control character 0x" + Integer.toHexString(c) + " inside a string must be escaped");
            }
            if (c == '\\') {
                escape(bytes);
            } else {
                bytes.write(c);
            }
        }
    }

    private void escape(ByteArrayOutputStream bytes) throws JsonException {
        int c = next();
        switch (c) {
            case '"', '\\', '/' -> bytes.write(c);
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case 'u' -> utf8(bytes, codePoint());
            default -> {
                position--;
                throw error("invalid escape sequence in a string");
            }
        }
    }

    private int codePoint() throws JsonException {
        int unit = hex4();
        if (Character.isHighSurrogate((char) unit) && position + 1 < text.length() && text.luaByte(position) == '\\'
                && text.luaByte(position + 1) == 'u') {
            int mark = position;
            position += 2;
            int low = hex4();
            if (Character.isLowSurrogate((char) low)) {
                return Character.toCodePoint((char) unit, (char) low);
            }
            position = mark;
        }
        // A lone surrogate is kept as its three-byte form, as dkjson does, rather than rejecting the text.
        return unit;
    }

    private int hex4() throws JsonException {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.luaByte(position), 16);
            if (digit < 0) {
                throw error("invalid hexadecimal digit in a \\u escape");
            }
            position++;
            value = value * 16 + digit;
        }
        return value;
    }

    private static void utf8(ByteArrayOutputStream bytes, int codePoint) {
        if (codePoint < 0x80) {
            bytes.write(codePoint);
        } else if (codePoint < 0x800) {
            bytes.write(0xC0 | codePoint >> 6);
            bytes.write(0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            bytes.write(0xE0 | codePoint >> 12);
            bytes.write(0x80 | codePoint >> 6 & 0x3F);
            bytes.write(0x80 | codePoint & 0x3F);
        } else {
            bytes.write(0xF0 | codePoint >> 18);
            bytes.write(0x80 | codePoint >> 12 & 0x3F);
            bytes.write(0x80 | codePoint >> 6 & 0x3F);
            bytes.write(0x80 | codePoint & 0x3F);
        }
    }

    private LuaValue number() throws JsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (!digits()) {
            throw error("invalid number");
        }
        if (peek() == '.') {
            position++;
            if (!digits()) {
                throw error("invalid number: digits expected after '.'");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!digits()) {
                throw error("invalid number: digits expected in the exponent");
            }
        }
        return LuaValue.valueOf(Double.parseDouble(text.substring(start, position).tojstring()));
    }

    private boolean digits() {
        int start = position;
        while (peek() >= '0' && peek() <= '9') {
            position++;
        }
        return position > start;
    }

    private LuaValue literal(String word, LuaValue value) throws JsonException {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                position -= 1;
                throw error("invalid literal, expected " + word);
            }
        }
        return value;
    }

    private void expect(int expected) throws JsonException {
        if (next() != expected) {
            position--;
            throw error("expected '" + (char) expected + "'");
        }
    }

    private void skipWhitespace() {
        while (true) {
            int c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private int peek() {
        return position < text.length() ? text.luaByte(position) : -1;
    }

    private int next() {
        return position < text.length() ? text.luaByte(position++) : -1;
    }

    private JsonException error(String problem) {
        return new JsonException("invalid JSON at byte " + (position + 1) + ": " + problem);
    }
}
