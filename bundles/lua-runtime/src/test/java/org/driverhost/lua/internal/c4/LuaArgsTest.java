package org.driverhost.lua.internal.c4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

class LuaArgsTest {

    private static final String PORTS = "a number from 0 to 65535";

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"8443;8443", "' 8443 ';8443", "'\t8443\n';8443", "0x3D;61", "0X3d;61",
            "1e3;1000", "'8443.0';8443", "+5;5"})
    void numericStringsAreNumbers(String text, long expected) throws Exception {
        assertEquals(expected, LuaArgs.integer(args(LuaValue.valueOf(text)), 2, "port", 0, 65535, 0, PORTS));
    }

    @Test
    void nilAndMissingTakeTheDefault() throws Exception {
        assertEquals(7, LuaArgs.integer(args(LuaValue.NIL), 2, "port", 0, 65535, 7, PORTS));
        assertEquals(7, LuaArgs.integer(args(), 3, "port", 0, 65535, 7, PORTS));
        assertArrayEquals(new byte[0], LuaArgs.bytes(args(), 2, "delimiter", "a string"));
        assertEquals("", LuaArgs.text(args(LuaValue.NIL), 2, "certificate", "a string"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "abc;invalid port \"abc\": expected a number from 0 to 65535",
        "'';invalid port \"\": expected a number from 0 to 65535",
        "0x;invalid port \"0x\": expected a number from 0 to 65535",
        "Infinity;invalid port \"Infinity\": expected a number from 0 to 65535",
        "12f;invalid port \"12f\": expected a number from 0 to 65535",
        "70000;invalid port \"70000\": expected a number from 0 to 65535",
        "-1;invalid port \"-1\": expected a number from 0 to 65535"})
    void badStringsAreRejectedWithMessage(String text, String message) {
        ArgumentException error = assertThrows(ArgumentException.class,
                () -> LuaArgs.integer(args(LuaValue.valueOf(text)), 2, "port", 0, 65535, 0, PORTS));
        assertEquals(message, error.getMessage());
    }

    @Test
    void badNumbersAndTypesAreRejectedWithMessage() {
        assertEquals("invalid port 70000: expected a number from 0 to 65535", portError(LuaValue.valueOf(70000)));
        assertEquals("invalid port 1.5: expected a number from 0 to 65535", portError(LuaValue.valueOf(1.5)));
        assertEquals("invalid port (a table): expected a number from 0 to 65535", portError(new LuaTable()));
        assertEquals("invalid port (a boolean): expected a number from 0 to 65535", portError(LuaValue.TRUE));
    }

    @Test
    void stringBytesPassUnchanged() throws Exception {
        byte[] binary = {0, (byte) 0x80, (byte) 0xFF, 'a', 0};
        assertArrayEquals(binary, LuaArgs.bytes(args(LuaString.valueOf(binary)), 2, "data", "a string"));
        assertArrayEquals("42".getBytes(), LuaArgs.bytes(args(LuaValue.valueOf(42)), 2, "data", "a string"));
    }

    private static String portError(LuaValue value) {
        return assertThrows(ArgumentException.class,
                () -> LuaArgs.integer(args(value), 2, "port", 0, 65535, 0, PORTS)).getMessage();
    }

    /** Returns arguments as a colon call passes them: the C4 table first. */
    private static Varargs args(LuaValue... values) {
        LuaValue[] all = new LuaValue[values.length + 1];
        all[0] = new LuaTable();
        System.arraycopy(values, 0, all, 1, values.length);
        return LuaValue.varargsOf(all);
    }
}
