package org.driverhost.lua.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** The JSON codec on its own: number forms, escapes, surrogates and the errors of invalid text. */
class JsonCodecTest {

    private static LuaValue decode(String json) throws JsonException {
        return JsonDecoder.decode(LuaString.valueOf(json.getBytes(StandardCharsets.UTF_8)), LuaValue.NIL);
    }

    private static String encode(LuaValue value) throws JsonException {
        return new JsonEncoder(false, true, LuaValue.NIL).encode(value).tojstring();
    }

    @Test
    void numbersDecodeInEveryJsonForm() throws Exception {
        assertEquals(0, decode("0").todouble());
        assertEquals(-0.25, decode("-0.25").todouble());
        assertEquals(1500, decode("1.5E3").todouble());
        assertEquals(0.015, decode("1.5e-2").todouble());
        assertEquals(9007199254740993.0, decode("9007199254740993").todouble());
    }

    @Test
    void invalidNumbersAreRejected() {
        for (String text : new String[] {"-", "01", "1.", ".5", "1e", "+1", "0x10", "NaN", "Infinity"}) {
            JsonException error = assertThrows(JsonException.class, () -> decode(text), text);
            assertTrue(error.getMessage().startsWith("invalid JSON at byte "), error.getMessage());
        }
    }

    @Test
    void numbersEncodeShortestExactForm() throws Exception {
        assertEquals("[3,-0.1,123456789012,1.0E15,1.0E-7,0]",
                encode(LuaValue.listOf(new LuaValue[] {LuaValue.valueOf(3), LuaValue.valueOf(-0.1),
                    LuaValue.valueOf(123456789012.0), LuaValue.valueOf(1e15), LuaValue.valueOf(1e-7),
                    LuaValue.valueOf(-0.0)})));
    }

    @Test
    void surrogatePairsBecomeUtf8() throws Exception {
        // Compared as bytes: LuaString.tojstring() in LuaJ 3.0.1 does not decode four-byte UTF-8 sequences.
        LuaString emoji = decode("\"\\ud83d\\ude00\"").checkstring();
        assertEquals(LuaString.valueOf("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8)), emoji);
        LuaString lone = decode("\"\\ud83dx\"").checkstring();
        assertEquals(4, lone.length(), "a lone high surrogate is kept as three bytes, then x");
        assertEquals(0xED, lone.luaByte(0));
    }

    @Test
    void invalidTextNamesThePosition() {
        assertMessage("[1,2", "invalid JSON at byte 5: expected ',' or ']' after an array element");
        assertMessage("{\"a\" 1}", "invalid JSON at byte 6: expected ':'");
        assertMessage("{a:1}", "invalid JSON at byte 2: expected a member name in double quotes");
        assertMessage("\"tab\there\"", "invalid JSON at byte 6: control character 0x9 inside a string must be escaped");
        assertMessage("\"\\x\"", "invalid JSON at byte 3: invalid escape sequence in a string");
        assertMessage("\"\\u12G4\"", "invalid JSON at byte 6: invalid hexadecimal digit in a \\u escape");
        assertMessage("\"open", "invalid JSON at byte 1: unterminated string");
        assertMessage("tru", "invalid JSON at byte 3: invalid literal, expected true");
        assertMessage("", "invalid JSON at byte 1: unexpected end of the text, expected a value");
    }

    @Test
    void forcedTypesFromMetatable() throws Exception {
        LuaTable empty = new LuaTable();
        LuaTable objectType = new LuaTable();
        objectType.set("__jsontype", "object");
        empty.setmetatable(objectType);
        assertEquals("{}", encode(empty));

        LuaTable mixed = new LuaTable();
        mixed.set(1, "a");
        mixed.set("extra", "ignored");
        LuaTable arrayType = new LuaTable();
        arrayType.set("__jsontype", "array");
        mixed.setmetatable(arrayType);
        assertEquals("[\"a\"]", encode(mixed));
    }

    @Test
    void nonStringKeysAreRejected() {
        LuaTable table = new LuaTable();
        table.set(LuaValue.TRUE, LuaValue.valueOf(1));
        JsonException error = assertThrows(JsonException.class, () -> encode(table));
        assertEquals("cannot encode value: a boolean key has no JSON form (accepted keys: strings and numbers)",
                error.getMessage());
    }

    private static void assertMessage(String text, String message) {
        JsonException error = assertThrows(JsonException.class, () -> decode(text), text);
        assertEquals(message, error.getMessage(), text);
    }
}
