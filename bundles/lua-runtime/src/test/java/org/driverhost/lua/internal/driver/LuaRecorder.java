package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.luaj.vm2.Globals;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Gives test drivers a global {@code record(...)} that queues its arguments, converted with {@code tostring}
 * and joined by {@code |}, for the test to take in order.
 */
final class LuaRecorder implements BiConsumer<String, Globals> {

    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void accept(String instance, Globals globals) {
        globals.set("record", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                StringJoiner event = new StringJoiner("|");
                for (int i = 1; i <= args.narg(); i++) {
                    event.add(globals.get("tostring").call(args.arg(i)).tojstring());
                }
                events.add(event.toString());
                return NONE;
            }
        });
    }

    /** Takes the next recorded event, failing the test when none comes within ten seconds. */
    String next() throws InterruptedException {
        String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "the driver recorded nothing within " + WAIT_SECONDS + " s");
        return event;
    }

    /** Returns the events recorded so far without waiting. */
    String pending() {
        return String.join(", ", events);
    }
}
