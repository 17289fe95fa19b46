package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** Lua 5.1 code that uses {@code goto} as a name compiles on LuaJ. */
class GotoNameRewriterTest {

    private final Globals globals = LuaScripts.newGlobals();

    private String run(String code) {
        return LuaScripts.run(globals, code, "=goto").trim();
    }

    @Test
    void localNamedGoto() {
        assertEquals("1", run("local goto = 1; print(goto)"));
    }

    @Test
    void fieldAndKeyNamedGoto() {
        assertEquals("5\t6\ttrue", run("local t = {goto = 5, x = {goto = 6}} print(t.goto, t.x['goto'], t['goto'] == t.goto)"));
    }

    @Test
    void concatenationWithGotoVariable() {
        assertEquals("ax", run("local goto = 'x' print('a' .. goto)"));
        assertEquals("ax", run("local goto = 'x' print('a'..goto)"));
    }

    @Test
    void assignmentToFieldNamedGoto() {
        assertEquals("7", run("local t = {} t.goto = 7 print(t['goto'])"));
    }

    @Test
    void functionParameterNamedGoto() {
        assertEquals("3", run("local function f(goto) return goto + 1 end print(f(2))"));
    }

    @Test
    void gotoStatementStaysStatement() {
        assertEquals("1\n2", run("for i = 1, 2 do if i > 5 then goto continue end print(i) ::continue:: end"));
    }

    @Test
    void gotoInStringsAndCommentsIsUntouched() {
        assertEquals("goto = 1 -- goto", run("-- goto here\nprint('goto = 1 -- goto') --[[ goto ]]"));
    }

    @Test
    void equalityWithGotoIsNotAKey() {
        assertEquals("true", run("local goto = 1 local t = {goto == 1} print(t[1])"));
    }

    @Test
    void sourceWithoutGotoIsReturnedUnchanged() {
        byte[] source = "print(1)".getBytes();
        assertEquals(source, GotoNameRewriter.rewrite(source));
    }
}
