package org.driverhost.lua.internal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;

/** String methods of one driver's Lua state do not depend on states created later on other threads. */
class StringMethodsTest {

    private final ExecutorService driverA = Executors.newSingleThreadExecutor();
    private final ExecutorService driverB = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        driverA.shutdownNow();
        driverB.shutdownNow();
    }

    @Test
    void stringExtensionStaysWithItsDriver() throws Exception {
        Globals a = driverA.submit(LuaScripts::newGlobals).get(10, TimeUnit.SECONDS);
        driverA.submit(() -> LuaScripts.run(a, "function string.shout(s) return s:upper() .. '!' end", "=a"))
                .get(10, TimeUnit.SECONDS);
        Globals b = driverB.submit(LuaScripts::newGlobals).get(10, TimeUnit.SECONDS);

        String inA = driverA.submit(() -> LuaScripts.run(a, "print(('hi'):shout())", "=a")).get(10, TimeUnit.SECONDS);
        String inB = driverB.submit(() -> LuaScripts.run(b, "print(pcall(function() return ('hi'):shout() end))", "=b"))
                .get(10, TimeUnit.SECONDS);

        assertEquals("HI!", inA.trim());
        assertEquals("false", inB.trim().split("\t")[0]);
    }

    @Test
    void coroutineUsesStringTableOfItsDriver() throws Exception {
        Globals a = driverA.submit(LuaScripts::newGlobals).get(10, TimeUnit.SECONDS);
        driverB.submit(LuaScripts::newGlobals).get(10, TimeUnit.SECONDS);

        String code = "function string.twice(s) return s .. s end\n"
                + "local co = coroutine.wrap(function() return ('ab'):twice() end)\n"
                + "print(co())";
        String out = driverA.submit(() -> LuaScripts.run(a, code, "=a")).get(10, TimeUnit.SECONDS);

        assertEquals("abab", out.trim());
    }
}
