package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** Number text in {@code tostring}, {@code print}, {@code ..} and method calls on strings. */
class NumberTextTest {

    private final Globals globals = LuaScripts.newGlobals();

    private String run(String code) {
        return LuaScripts.run(globals, code, "=numbers").trim();
    }

    @Test
    void printWritesNumbersAs14g() {
        assertEquals("1e+15\t0.33333333333333\t3\t-inf\tnan", run("print(1e15, 1/3, 3.0, -1/0, 0/0)"));
    }

    @Test
    void printWritesBytesUnchanged() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        globals.STDOUT = new PrintStream(out, true);
        globals.load("print('\\255\\0\\128')", "=bytes").call();
        assertArrayEquals(new byte[] {(byte) 0xff, 0, (byte) 0x80, '\n'}, out.toByteArray());
    }

    @Test
    void tostringKeepsMetamethod() {
        assertEquals("custom", run("print(tostring(setmetatable({}, {__tostring = function() return 'custom' end})))"));
    }

    @Test
    void printUsesReplacedTostring() {
        assertEquals("X\tX", run("tostring = function() return 'X' end print(1, 2)"));
    }

    @Test
    void concatWritesNumbersAs14g() {
        assertEquals("x=0.33333333333333 y=1e+100 z=2^53=9.007199254741e+15",
                run("local y = 1e100 print('x=' .. 1/3 .. ' y=' .. y .. ' z=2^53=' .. 2^53)"));
    }

    @Test
    void concatOfTwoNumbers() {
        assertEquals("0.50.25", run("local a, b = 0.5, 0.25 print(a .. b)"));
    }

    @Test
    void concatCallsMetamethodWithNumberOperand() {
        String code = "local mt = {__concat = function(a, b) return type(a) .. '+' .. type(b) end}\n"
                + "local t = setmetatable({}, mt)\n"
                + "print(1.5 .. t, t .. 2.5, 'a' .. t .. 'b')";
        assertEquals("number+table\ttable+number\tatable+string", run(code));
    }

    @Test
    void concatInsideLoopsKeepsJumps() {
        String code = "local s = ''\n"
                + "for i = 1, 3 do\n"
                + "  if i % 2 == 1 then s = s .. i / 2 .. ',' else s = s .. '[' .. i .. ']' end\n"
                + "end\n"
                + "local j = 0\n"
                + "while j < 2 do j = j + 1; s = s .. j * 0.1 end\n"
                + "for k, v in ipairs({0.5}) do s = s .. k .. v end\n"
                + "repeat s = s .. '!' until #s > 20\n"
                + "print(s)";
        assertEquals("0.5,[2]1.5,0.10.210.5!", run(code));
    }

    @Test
    void concatInNestedFunctionsAndManyOperands() {
        String code = "local function outer()\n"
                + "  local function inner(a) return a .. '' end\n"
                + "  return inner(1/3)\n"
                + "end\n"
                + "local a, b, c, d, e, f = 1, 2.5, 'x', 1e20, -0.5, 7\n"
                + "print(outer(), a .. b .. c .. d .. e .. f)";
        assertEquals("0.33333333333333\t12.5x1e+20-0.57", run(code));
    }

    @Test
    void concatResultIntoLocalAndUpvalue() {
        String code = "local r\n"
                + "local function set(v) r = v .. '!' end\n"
                + "set(0.1)\n"
                + "local t = {}\n"
                + "t.k = 1/4 .. ''\n"
                + "print(r, t.k)";
        assertEquals("0.1!\t0.25", run(code));
    }

    @Test
    void runtimeErrorLineStaysRightAfterRewrite() {
        String code = "local s = 'a' .. 1.5\n"
                + "\n"
                + "local t = nil .. s";
        assertEquals("false\tlines:3: attempt to concatenate a nil value",
                LuaScripts.run(globals, "print(pcall(loadstring(" + quote(code) + ", '=lines')))", "=t").trim());
    }

    @Test
    void concatAfterLargeTableConstructor() {
        // More than 511 * 50 list items make SETLIST keep its block number in a following data word.
        String code = "local t = {" + "1,".repeat(60_000) + "}\n"
                + "local s = 'n=' .. #t .. ' third=' .. 1/3\n"
                + "print(s)";
        assertEquals("n=60000 third=0.33333333333333", run(code));
    }

    @Test
    void stringMethodsUseReplacedFormat() {
        assertEquals("[  2.0]\t0A", run("print(('[%5.1f]'):format(2), ('%02X'):format(10))"));
    }

    @Test
    void dumpedFunctionLoadsAndRuns() {
        String code = "local f = function(x) return 'v=' .. x end\n"
                + "local g = loadstring(string.dump(f))\n"
                + "print(g(1/3))";
        assertEquals("v=0.33333333333333", run(code));
    }

    private static String quote(String code) {
        return "'" + code.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
    }
}
