package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** {@code error}, {@code pcall} and {@code xpcall} with Lua 5.1 messages and semantics. */
class ErrorHandlingTest {

    private final Globals globals = LuaScripts.newGlobals();

    private String run(String code) {
        return LuaScripts.run(globals, code, "@driver.lua").trim();
    }

    @Test
    void errorMessageCarriesPositionWithColon() {
        assertEquals("false\tdriver.lua:1: boom", run("print(pcall(function() error('boom') end))"));
    }

    @Test
    void errorLevelZeroHasNoPosition() {
        assertEquals("false\tboom", run("print(pcall(function() error('boom', 0) end))"));
    }

    @Test
    void errorLevelTwoBlamesCaller() {
        String code = "local function check(x)\n"
                + "  if not x then error('x missing', 2) end\n"
                + "end\n"
                + "print(pcall(function()\n"
                + "  check(nil)\n"
                + "end))";
        assertEquals("false\tdriver.lua:5: x missing", run(code));
    }

    @Test
    void errorWithTableKeepsTable() {
        assertEquals("false\ttable\t7", run("local ok, e = pcall(function() error({code = 7}) end) print(ok, type(e), e.code)"));
    }

    @Test
    void errorWithNilOrNumber() {
        assertEquals("false\tnil", run("print(pcall(error))"));
        assertEquals("false\tdriver.lua:1: 12.5", run("print(pcall(function() error(12.5) end))"));
    }

    @Test
    void runtimeErrorHasPositionWithoutTraceback() {
        String message = run("local ok, e = pcall(function() local t = nil; return t.x + 1 end) print(e)");
        assertEquals("driver.lua:1: ", message.substring(0, "driver.lua:1: ".length()));
        assertEquals(-1, message.indexOf("traceback"), message);
    }

    @Test
    void javaExceptionTextStaysOutOfLua() {
        globals.set("broken", new org.luaj.vm2.lib.ZeroArgFunction() {
            @Override
            public org.luaj.vm2.LuaValue call() {
                throw new IllegalStateException("secret Java detail");
            }
        });
        assertEquals("false\tdriver.lua:1: internal error in a Java function",
                run("print(pcall(function() local x = broken() return x end))"));
    }

    @Test
    void coroutineErrorKeepsObjectAndPosition() {
        assertEquals("false\ttable\t7", run("local ok, e = coroutine.resume(coroutine.create(function() error({code = 7}) end)) "
                + "print(ok, type(e), e.code)"));
        assertEquals("false\tdriver.lua:1: attempt to call a nil value",
                run("print(coroutine.resume(coroutine.create(function() local f; f() end)))"));
    }

    @Test
    void coroutineYieldsAndResumes() {
        assertEquals("true\t1\ntrue\t2\nfalse\tcannot resume dead coroutine",
                run("local co = coroutine.create(function(a) local b = coroutine.yield(a) return b end)\n"
                        + "print(coroutine.resume(co, 1)) print(coroutine.resume(co, 2)) print(coroutine.resume(co))"));
    }

    @Test
    void wrappedCoroutineRaisesErrorObject() {
        assertEquals("false\ttable", run("print(pcall(function() local f = coroutine.wrap(function() error({}) end) f() end) and 'x' or false, "
                + "type(select(2, pcall(coroutine.wrap(function() error({}) end)))))"));
        assertEquals("false\tdriver.lua:1: boom", run("print(pcall(coroutine.wrap(function() error('boom') end)))"));
    }

    @Test
    void runtimeErrorsUse51Wording() {
        assertEquals("false\tdriver.lua:1: attempt to call a nil value", run("print(pcall(function() local f; f() end))"));
        assertEquals("false\tdriver.lua:1: attempt to index a nil value", run("print(pcall(function() local t; return t.x end))"));
        assertEquals("false\tdriver.lua:1: attempt to perform arithmetic on a table value",
                run("print(pcall(function() local a, b = {}, nil; return a + b end))"));
        assertEquals("false\tdriver.lua:1: attempt to perform arithmetic on a nil value",
                run("print(pcall(function() local a, b = 1, nil; return a * b end))"));
        assertEquals("false\tdriver.lua:1: attempt to get length of a nil value",
                run("print(pcall(function() local t; return #t end))"));
        assertEquals("false\tdriver.lua:1: attempt to compare two table values",
                run("print(pcall(function() local a, b = {}, {}; return a < b end))"));
        assertEquals("false\tdriver.lua:1: attempt to compare nil with number",
                run("print(pcall(function() local a, b = nil, 1; return a < b end))"));
    }

    @Test
    void concatenatingNilNamesType() {
        assertEquals("false\tdriver.lua:1: attempt to concatenate a nil value",
                run("print(pcall(function() local x; return 'a' .. x .. 'b' end))"));
    }

    @Test
    void xpcallHandlerResultIsReturned() {
        assertEquals("false\thandled: driver.lua:1: boom",
                run("print(xpcall(function() error('boom') end, function(m) return 'handled: ' .. m end))"));
    }

    @Test
    void xpcallHandlerGetsTableAndMayReturnTable() {
        assertEquals("false\ttable\t7",
                run("local ok, r = xpcall(function() error({code = 7}) end, function(e) return {code = e.code} end) "
                        + "print(ok, type(r), r.code)"));
    }

    @Test
    void xpcallHandlerRunsBeforeUnwinding() {
        String code = "local function inner() error('deep') end\n"
                + "local function outer() inner() end\n"
                + "local ok, trace = xpcall(outer, debug.traceback)\n"
                + "print(ok, trace:find('deep', 1, true) ~= nil, trace:find('inner', 1, true) ~= nil)";
        assertEquals("false\ttrue\ttrue", run(code));
    }

    @Test
    void xpcallIgnoresExtraArguments() {
        assertEquals("true\t0", run("print(xpcall(function(...) return select('#', ...) end, print, 1, 2))"));
    }

    @Test
    void xpcallFailingHandlerGivesErrorInErrorHandling() {
        assertEquals("false\terror in error handling",
                run("print(xpcall(function() error('x') end, function() error('y') end))"));
    }

    @Test
    void pcallInsideXpcallDoesNotRunHandler() {
        String code = "local calls = 0\n"
                + "print(xpcall(function() return pcall(error, 'inner') end, function(m) calls = calls + 1 return m end))\n"
                + "print(calls)";
        assertEquals("true\tfalse\tinner\n0", run(code));
    }

    @Test
    void xpcallWithoutHandlerIsAnError() {
        assertEquals("false\tbad argument #2 to 'xpcall' (value expected)", run("print(pcall(xpcall, print))"));
    }

    @Test
    void errorLevelTwoNeedsDebugLibrary() {
        Globals plain = LuaScripts.newGlobalsWithoutDebug();
        String code = "local function check() error('bad', 2) end\nprint(pcall(function()\ncheck()\nend))";
        assertEquals("false\tbad", LuaScripts.run(plain, code, "@driver.lua").trim());
    }
}
