package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Runs the generator scripts under LuaJ with the compatibility layer and compares every line with the
 * output that Lua 5.1.5 (with lua-bitop 1.0.2) produced for the same script. The generators and the
 * commands that made the expected files are in the test resources beside them.
 */
class GeneratedExpectationsTest {

    @Test
    void bitLibraryMatchesLuaBitOp() {
        assertSameLines("bit/bit-expected.tsv", "bit/generate-bit-expected.lua");
    }

    /**
     * Compares with LuaJIT 2.1's built-in {@code bit}, leaving out the lines where LuaJIT departs from
     * LuaBitOp 1.0.2: {@code tohex} with more than 8 digits (LuaJIT pads up to 16) and argument errors
     * (LuaJIT names the function '?' and checks arguments from the left).
     */
    @Test
    void bitLibraryMatchesLuajitValues() {
        String[] luajit = LuaScripts.resource("bit/bit-luajit-2.1.tsv").split("\n");
        String[] actual = LuaScripts.run(LuaScripts.newGlobals(), LuaScripts.resource("bit/generate-bit-expected.lua"),
                "@generate-bit-expected.lua").split("\n");

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < luajit.length; i++) {
            boolean wideHex = luajit[i].matches("bit\\.tohex\\([^,]+, -?(9|16)\\).*");
            if (wideHex || luajit[i].contains("\tERR: ")) {
                continue;
            }
            compared++;
            if (!luajit[i].equals(actual[i])) {
                mismatches.add("LuaJIT [" + luajit[i] + "] but got [" + actual[i] + "]");
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(1364, compared, "lines compared with LuaJIT");
    }

    @Test
    void numberTextMatchesLua51() {
        assertSameLines("format/format-expected.tsv", "format/generate-format-expected.lua");
    }

    private static void assertSameLines(String expectedResource, String generatorResource) {
        String[] expected = LuaScripts.resource(expectedResource).split("\n");
        String script = LuaScripts.resource(generatorResource);
        String[] actual = LuaScripts.run(LuaScripts.newGlobals(), script, "@" + generatorResource).split("\n");

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
            String want = i < expected.length ? expected[i] : "<missing>";
            String got = i < actual.length ? actual[i] : "<missing>";
            if (!want.equals(got)) {
                mismatches.add("expected [" + want + "] but got [" + got + "]");
            }
        }
        assertEquals(List.of(), mismatches, generatorResource + " differs from " + expectedResource);
        assertEquals(expected.length, actual.length, "line count of " + generatorResource);
    }
}
