package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** C4:SetTimer, C4:AddTimer and C4:KillTimer in real drivers, on the shared clock thread. */
class DriverTimersTest extends DriverTestSupport {

    /** Adds {@code block(ms)}, which keeps the driver's thread busy, to the recorder's globals. */
    @Override
    DriverManager newManager() {
        return new DriverManager(servers, data, INSTRUCTION_BUDGET, (instance, globals) -> {
            recorder.accept(instance, globals);
            globals.set("block", new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    // Stands for a slow callback: the timer keeps expiring while the driver's thread is busy.
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(args.checklong(1));
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return LuaValue.NONE;
                }
            });
        });
    }

    @Test
    void setTimerFiresOnceWithTimerObject() throws Exception {
        String lua = """
                local t
                t = C4:SetTimer(10, function(timer, skips) record("fired", type(timer), timer == t, skips) end)
                record("set", type(t), type(t.Cancel))
                """;
        deploy(driver("once", lua));

        assertEquals("set|userdata|function", recorder.next());
        assertEquals("fired|userdata|true|nil", recorder.next());
    }

    @Test
    void timersFireInDeadlineOrder() throws Exception {
        String lua = """
                C4:SetTimer(300, function() record("300 ms") end)
                C4:SetTimer(20, function() record("20 ms") end)
                local id = C4:AddTimer(150, "MILLISECONDS")
                function OnTimerExpired(timerId) record("AddTimer", timerId == id) end
                """;
        deploy(driver("order", lua));

        assertEquals("20 ms", recorder.next());
        assertEquals("AddTimer|true", recorder.next());
        assertEquals("300 ms", recorder.next());
    }

    @Test
    void cancelledTimerNeverFires() throws Exception {
        String lua = """
                local t = C4:SetTimer(20, function() record("cancelled timer fired") end)
                t = t:Cancel()
                record("after cancel", t)
                record("KillTimer", C4:KillTimer(C4:SetTimer(20, function() record("killed timer fired") end)))
                C4:SetTimer(100, function() record("later timer") end)
                """;
        deploy(driver("cancel", lua));

        assertEquals("after cancel|nil", recorder.next());
        assertEquals("KillTimer|0", recorder.next());
        assertEquals("later timer", recorder.next());
    }

    @Test
    void repeatingTimerReportsSkippedExpiries() throws Exception {
        String lua = """
                local calls = 0
                C4:SetTimer(10, function(timer, skips)
                  calls = calls + 1
                  if calls == 1 then
                    record("call", calls, type(skips))
                    block(200)
                  end
                  if calls == 2 then
                    record("call", calls, skips > 0)
                    timer:Cancel()
                    C4:SetTimer(100, function() record("end") end)
                  end
                end, true)
                """;
        deploy(driver("skips", lua));

        assertEquals("call|1|number", recorder.next());
        assertEquals("call|2|true", recorder.next(), "a 10 ms timer expires several times in 200 ms");
        assertEquals("end", recorder.next(), "the cancelled repeating timer fired again");
    }

    @Test
    void addTimerUnitsAndKillTimer() throws Exception {
        String lua = """
                local count = 0
                local repeating = C4:AddTimer(0.01, "SECONDS", true)
                local hourly = C4:AddTimer(1, "HOURS")
                record("ids", type(repeating), hourly > repeating, C4:KillTimer(hourly), C4:KillTimer(999), C4:KillTimer(nil))
                function OnTimerExpired(id)
                  if id ~= repeating then record("unexpected", id) end
                  count = count + 1
                  if count == 3 then
                    record("killed", C4:KillTimer(id))
                    C4:SetTimer(100, function() record("end", count) end)
                  end
                end
                """;
        deploy(driver("addtimer", lua));

        assertEquals("ids|number|true|0|0|0", recorder.next());
        assertEquals("killed|0", recorder.next());
        assertEquals("end|3", recorder.next());
    }

    @Test
    void badArgumentsReturnFalseAndMessage() throws Exception {
        String lua = """
                local f = function() end
                record(C4:SetTimer("soon", f))
                record(C4:SetTimer(10, nil))
                record(C4:SetTimer(-1, f))
                record(C4:SetTimer(0, f, true))
                record(C4:AddTimer(1, "WEEKS"))
                record(C4:AddTimer(nil, "SECONDS"))
                record(C4:AddTimer(600, "HOURS"))
                """;
        deploy(driver("badargs", lua));

        assertEquals("false|invalid delay \"soon\": expected a number of milliseconds from 0 to 2147483647 "
                + "(at least 1 for a repeating timer)", recorder.next());
        assertEquals("false|invalid callback (nil): expected a function", recorder.next());
        assertTrue(recorder.next().startsWith("false|invalid delay -1: expected a number of milliseconds"));
        assertEquals("false|invalid interval 0: expected at least 1 ms for a repeating timer", recorder.next());
        assertEquals("false|invalid units \"WEEKS\": expected MILLISECONDS, SECONDS, MINUTES or HOURS",
                recorder.next());
        assertTrue(recorder.next().startsWith("false|invalid interval (nil)"));
        assertEquals("false|invalid interval 600: expected at most 2147483647 ms in total", recorder.next());
    }

    @Test
    void updateStopsOldVersionsTimers() throws Exception {
        String v1 = """
                C4:SetTimer(5, function() record("v1 tick") end, true)
                C4:AddTimer(5, "MILLISECONDS", true)
                function OnTimerExpired() record("v1 expired") end
                function OnDriverLateInit() record("v1 running") end
                """;
        Path c4z = driver("update", v1);
        deploy(c4z);
        assertEquals("v1 running", recorder.next());

        String v2 = """
                function OnTimerExpired() record("OnTimerExpired in v2") end
                function OnDriverLateInit()
                  record("v2 running")
                  C4:SetTimer(100, function() record("v2 done") end)
                end
                """;
        C4zFiles.driver("Timers", "2", v2).writeTo(c4z);
        update(c4z);

        List<String> afterUpdate = new ArrayList<>();
        String event;
        boolean v2Running = false;
        do {
            event = recorder.next();
            if (v2Running) {
                afterUpdate.add(event);
            }
            v2Running |= event.equals("v2 running");
        } while (!event.equals("v2 done"));
        assertEquals(List.of("v2 done"), afterUpdate, "events after the update");
    }

    @Test
    void removalStopsTimers() throws Exception {
        String lua = """
                C4:SetTimer(5, function() record("tick") end, true)
                function OnDriverDestroyed() record("destroyed") end
                """;
        Path c4z = driver("removed", lua);
        deploy(c4z);
        manager.uninstall(c4z);
        while (!recorder.next().equals("destroyed")) {
            // Ticks recorded before the removal.
        }

        deploy(driver("witness", "C4:SetTimer(100, function() record('witness') end)"));
        assertEquals("witness", recorder.next(), "the removed driver's timer fired after OnDriverDestroyed");
    }

    private Path driver(String instance, String lua) throws Exception {
        return C4zFiles.driver("Timers", "1", lua).writeTo(deploy.resolve(instance + ".c4z"));
    }
}
