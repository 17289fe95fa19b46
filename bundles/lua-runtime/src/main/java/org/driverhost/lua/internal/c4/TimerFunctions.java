package org.driverhost.lua.internal.c4;

import java.util.Locale;
import java.util.Map;
import org.driverhost.lua.internal.timer.DriverTimer;
import org.driverhost.lua.internal.timer.DriverTimers;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code C4:SetTimer}, {@code C4:AddTimer} and {@code C4:KillTimer} of one driver. Timer callbacks run on the
 * driver's thread like every other callback, so they never overlap one another or a server event.
 */
final class TimerFunctions {

    /** Longest accepted interval: about 24.8 days, the largest millisecond count of a signed 32-bit integer. */
    static final long MAX_INTERVAL_MILLIS = Integer.MAX_VALUE;
    private static final String INTERVAL = "a number of milliseconds from 0 to " + MAX_INTERVAL_MILLIS
            + " (at least 1 for a repeating timer)";
    private static final Map<String, Long> UNIT_MILLIS = Map.of(
            "MILLISECONDS", 1L, "SECONDS", 1_000L, "MINUTES", 60_000L, "HOURS", 3_600_000L);
    private static final String UNITS = "MILLISECONDS, SECONDS, MINUTES or HOURS";

    private final DriverContext driver;
    private final DriverTimers timers;
    private final LuaTable timerMetatable = new LuaTable();

    TimerFunctions(DriverContext driver, DriverTimers timers) {
        this.driver = driver;
        this.timers = timers;
        LuaTable methods = new LuaTable();
        methods.set("Cancel", new C4Function("Cancel", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                // The timer's method, called as timer:Cancel(). It returns nothing, so the usual
                // "t = t:Cancel()" clears the driver's variable.
                if (args.arg1() instanceof LuaUserdata userdata && userdata.m_instance instanceof DriverTimer timer) {
                    timer.cancel();
                }
                return LuaValue.NONE;
            }
        });
        timerMetatable.set(LuaValue.INDEX, methods);
        timerMetatable.set("__metatable", "C4Timer");
    }

    void addTo(LuaTable c4) {
        c4.set("SetTimer", new C4Function("SetTimer", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return setTimer(args);
            }
        });
        c4.set("AddTimer", new C4Function("AddTimer", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return addTimer(args);
            }
        });
        c4.set("KillTimer", new C4Function("KillTimer", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                return killTimer(args);
            }
        });
    }

    /** (delay in ms, callback, repeat): returns the timer object; the callback gets (timer) or (timer, skips). */
    private Varargs setTimer(Varargs args) throws ArgumentException {
        long delay = Math.round(required(LuaArgs.number(args, 2, "delay", 0, MAX_INTERVAL_MILLIS, Double.NaN,
                INTERVAL), args.arg(2), "delay", INTERVAL));
        LuaValue callback = args.arg(3);
        if (!callback.isfunction()) {
            throw LuaArgs.invalid("callback", callback, "a function");
        }
        boolean repeating = args.arg(4).toboolean();
        checkPeriod(delay, repeating, args.arg(2));

        LuaValue[] handle = new LuaValue[1];
        DriverTimer timer = start(delay, repeating, (fired, skips) -> {
            if (fired.repeating()) {
                driver.call("timer callback", callback, handle[0], LuaValue.valueOf(skips));
            } else {
                driver.call("timer callback", callback, handle[0]);
            }
        });
        handle[0] = new LuaUserdata(timer, timerMetatable);
        return handle[0];
    }

    /** (interval, units, repeat): returns the timer id; the global OnTimerExpired(id) is called at each expiry. */
    private Varargs addTimer(Varargs args) throws ArgumentException {
        String accepted = "a number, counted in the given units";
        double interval = required(LuaArgs.number(args, 2, "interval", 0, MAX_INTERVAL_MILLIS, Double.NaN, accepted),
                args.arg(2), "interval", accepted);
        long unitMillis = unitMillis(args.arg(3));
        double millis = interval * unitMillis;
        if (millis > MAX_INTERVAL_MILLIS) {
            throw LuaArgs.invalid("interval", args.arg(2), "at most " + MAX_INTERVAL_MILLIS + " ms in total");
        }
        boolean repeating = args.arg(4).toboolean();
        long delay = Math.round(millis);
        checkPeriod(delay, repeating, args.arg(2));

        DriverTimer timer = start(delay, repeating,
                (fired, skips) -> driver.callGlobal("OnTimerExpired", LuaValue.valueOf((double) fired.id())));
        return LuaValue.valueOf((double) timer.id());
    }

    /**
     * (id): stops the timer of that id; returns 0 whatever the id, as controllers do. Some drivers pass the object
     * of {@code C4:SetTimer} instead of an id, so that stops its timer too.
     */
    private Varargs killTimer(Varargs args) {
        LuaValue id = args.arg(2);
        if (id instanceof LuaUserdata userdata && userdata.m_instance instanceof DriverTimer timer) {
            timer.cancel();
        } else if (id.isnumber()) {
            DriverTimer timer = timers.find((long) id.todouble());
            if (timer != null) {
                timer.cancel();
            }
        }
        return LuaValue.ZERO;
    }

    private DriverTimer start(long delay, boolean repeating, DriverTimer.Action action) throws ArgumentException {
        try {
            return timers.start(delay, repeating, action);
        } catch (IllegalStateException e) {
            throw new ArgumentException("timer not started: " + e.getMessage());
        }
    }

    /** Rejects a missing argument, which {@link LuaArgs#number} returns as NaN here. */
    private static double required(double number, LuaValue value, String parameter, String accepted)
            throws ArgumentException {
        if (Double.isNaN(number)) {
            throw LuaArgs.invalid(parameter, value, accepted);
        }
        return number;
    }

    private static void checkPeriod(long delay, boolean repeating, LuaValue value) throws ArgumentException {
        if (repeating && delay < 1) {
            throw LuaArgs.invalid("interval", value, "at least 1 ms for a repeating timer");
        }
    }

    private static long unitMillis(LuaValue units) throws ArgumentException {
        if (units.isnil()) {
            return 1;
        }
        if (units.type() != LuaValue.TSTRING) {
            throw LuaArgs.invalid("units", units, UNITS);
        }
        String name = units.tojstring().trim().toUpperCase(Locale.ROOT);
        Long millis = UNIT_MILLIS.get(name.endsWith("S") ? name : name + "S");
        if (millis == null) {
            throw LuaArgs.invalid("units", units, UNITS);
        }
        return millis;
    }
}
