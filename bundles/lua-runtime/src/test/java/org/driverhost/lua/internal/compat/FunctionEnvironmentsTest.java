package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** {@code setfenv}, {@code getfenv}, {@code module} and {@code package.seeall} on LuaJ. */
class FunctionEnvironmentsTest {

    private final Globals globals = LuaScripts.newGlobals();

    private String run(String code) {
        return LuaScripts.run(globals, code, "=env").trim();
    }

    @Test
    void setfenvOnFunctionChangesOnlyThatFunction() {
        String code = "x = 'global'\n"
                + "local function a() return x end\n"
                + "local function b() return x end\n"
                + "setfenv(a, {x = 'own'})\n"
                + "print(a(), b(), x)";
        assertEquals("own\tglobal\tglobal", run(code));
    }

    @Test
    void setfenvReturnsFunctionAndGetfenvReadsIt() {
        String code = "local env = {x = 5}\n"
                + "local f = function() return x end\n"
                + "print(setfenv(f, env) == f, getfenv(f) == env, f())";
        assertEquals("true\ttrue\t5", run(code));
    }

    @Test
    void functionsCreatedAfterSetfenvInheritEnvironment() {
        String code = "local function factory() return function() return y end end\n"
                + "setfenv(factory, {y = 'inner'})\n"
                + "print(factory()())";
        assertEquals("inner", run(code));
    }

    @Test
    void setfenvByLevelChangesCaller() {
        String code = "local function sandboxed()\n"
                + "  setfenv(1, {print = print, z = 'level'})\n"
                + "  print(z)\n"
                + "end\n"
                + "sandboxed()\n"
                + "print(z)";
        assertEquals("level\tnil".replace('\t', '\n'), run(code));
    }

    @Test
    void getfenvWithoutArgumentIsCallersEnvironment() {
        assertEquals("true\ttrue", run("print(getfenv() == _G, getfenv(0) == _G)"));
    }

    @Test
    void setfenvRejectsJavaFunctionsAndBadTables() {
        assertEquals("false\t'setfenv' cannot change environment of given object", run("print(pcall(setfenv, print, {}))"));
        assertEquals("false\tbad argument #2 to 'setfenv' (table expected, got nil)", run("print(pcall(setfenv, print, nil))"));
        assertEquals("true", run("print(getfenv(print) == _G)"));
    }

    @Test
    void setfenvLevelNeedsDebugLibrary() {
        Globals plain = LuaScripts.newGlobalsWithoutDebug();
        String out = LuaScripts.run(plain, "print(pcall(setfenv, 1, {}))", "=env").trim();
        assertEquals("false\t'setfenv' with a stack level needs LuaJ's debug library; pass a function", out);
    }

    @Test
    void moduleSetsEnvironmentAndRegisters() {
        String code = "local chunk = loadstring([[\n"
                + "  module('net.tools', package.seeall)\n"
                + "  function greet() return 'hi ' .. _NAME end\n"
                + "  local_print = print\n"
                + "]])\n"
                + "chunk()\n"
                + "print(net.tools.greet(), package.loaded['net.tools'] == net.tools, net.tools._PACKAGE, greet)";
        assertEquals("hi net.tools\ttrue\tnet.\tnil", run(code));
    }

    @Test
    void seeallLetsModuleReadGlobals() {
        assertEquals("true", run("local m = {} package.seeall(m) print(m.print == print)"));
    }

    @Test
    void packageLoadersAliasesSearchers() {
        assertEquals("table", run("print(type(package.loaders))"));
    }
}
