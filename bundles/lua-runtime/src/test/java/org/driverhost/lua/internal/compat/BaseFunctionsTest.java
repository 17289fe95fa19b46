package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** Lua 5.1 globals that Lua 5.2 dropped or changed. */
class BaseFunctionsTest {

    private final Globals globals = LuaScripts.newGlobals();

    private String eval(String expression) {
        return LuaScripts.joined(globals, expression);
    }

    @Test
    void versionIsLua51() {
        assertEquals("Lua 5.1", eval("_VERSION"));
    }

    @Test
    void unpackUsesRangeAndRawLength() {
        assertEquals("1 2 3", eval("unpack({1, 2, 3})"));
        assertEquals("2 3", eval("unpack({1, 2, 3}, 2)"));
        assertEquals("2", eval("select('#', unpack({1, 2, 3}, 2, 3))"));
        assertEquals("0", eval("select('#', unpack({}, 1, 0))"));
        assertEquals("false bad argument #1 to 'unpack' (table expected, got no value)", eval("pcall(unpack)"));
        assertEquals("false too many results to unpack", eval("pcall(unpack, {}, 1, 1e8)"));
    }

    @Test
    void loadstringNamesChunkAfterSource() {
        assertEquals("42", eval("loadstring('return 6*7')()"));
        assertEquals("false [string \"error('e')\"]:1: e", eval("pcall(loadstring(\"error('e')\"))"));
        assertEquals("false name:1: e", eval("pcall(loadstring(\"error('e')\", '=name'))"));
        assertEquals("false file.lua:1: e", eval("pcall(loadstring(\"error('e')\", '@file.lua'))"));
        assertEquals("false [string \"x = 1...\"]:2: e", eval("pcall(loadstring(\"x = 1\\nerror('e')\"))"));
    }

    @Test
    void loadstringReturnsNilAndMessageOnSyntaxError() {
        assertEquals("true", eval("select(1, loadstring('x x')) == nil"));
        assertEquals("true", eval("select(2, loadstring('x x')):find('^%[string \"x x\"%]:1:') ~= nil"));
    }

    @Test
    void selectCountsAndIndexesFromEnd() {
        assertEquals("2", eval("select('#', nil, nil)"));
        assertEquals("2", eval("select('#x', 1, 2)"));
        assertEquals("b", eval("select(-1, 'a', 'b')"));
        assertEquals("a b", eval("select(-2, 'a', 'b')"));
        assertEquals("0", eval("select('#', select(5, 'a', 'b'))"));
        assertEquals("false bad argument #1 to 'select' (index out of range)", eval("pcall(select, -3, 1, 2)"));
        assertEquals("false bad argument #1 to 'select' (index out of range)", eval("pcall(select, 0, 1)"));
    }

    @Test
    void tableFunctionsOf51() {
        assertEquals("3", eval("table.getn({1, 2, 3})"));
        assertEquals("7", eval("table.maxn({[1.5] = 1, [-3] = 1, [7] = 1, x = 1})"));
        assertEquals("0", eval("table.maxn({})"));
        assertEquals("false 'setn' is obsolete", eval("pcall(table.setn, {}, 1)"));
        assertEquals("0.33333333333333,1e+15", eval("table.concat({1/3, 1e15}, ',')"));
        assertEquals("false invalid value (at index 2) in table for 'concat'", eval("pcall(table.concat, {1, {}})"));
    }

    @Test
    void mathFunctionsOf51() {
        assertEquals("1 -1 3 8", eval("math.mod(7, 3), math.mod(-7, 3), math.log10(1000), math.pow(2, 3)"));
        assertEquals("8 0.5 4", eval("math.ldexp(1, 3), math.frexp(8)"));
    }

    @Test
    void gfindIteratesLikeGmatch() {
        assertEquals("a b c", eval("(function() local t = {} for w in string.gfind('a b c', '%a') do t[#t + 1] = w end return unpack(t) end)()"));
    }

    @Test
    void stringFunctionsTakeNumbersAs51Text() {
        assertEquals("16 0.333", eval("string.len(1/3), string.sub(1/3, 1, 5)"));
        assertEquals("1E+15", eval("string.upper(1e15)"));
        assertEquals("false bad argument #1 to 'rep' (string expected, got no value)", eval("pcall(string.rep)"));
        assertEquals("0.33333333333333 0.33333333333333", eval("(string.gsub('a b', '%a', 1/3))"));
        assertEquals("0.33333333333333 b", eval("(string.gsub('a b', '%a', {a = 1/3}))"));
    }

    @Test
    void newproxyCreatesUserdata() {
        assertEquals("userdata nil true", eval("type(newproxy()), tostring(getmetatable(newproxy(false))), getmetatable(newproxy(true)) ~= nil"));
        assertEquals("true", eval("(function() local p = newproxy(true) return getmetatable(newproxy(p)) == getmetatable(p) end)()"));
        assertEquals("7", eval("(function() local p = newproxy(true) getmetatable(p).__index = function() return 7 end return p.x end)()"));
        assertEquals("false bad argument #1 to 'newproxy' (boolean or proxy expected)", eval("pcall(newproxy, {})"));
    }

    @Test
    void gcinfoReturnsKilobytes() {
        assertEquals("number true", eval("type(gcinfo()), gcinfo() > 0"));
    }

    @Test
    void bitIsGlobalAndRequirable() {
        assertEquals("true -2147483648", eval("require('bit') == bit, bit.lshift(1, 31)"));
    }
}
