package org.driverhost.lua.internal.driver;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.DebugLib;

/**
 * The {@code debug} library with a counter: LuaJ reports every VM instruction to the loaded debug library, so
 * counting there bounds how long one callback may run. Once the budget is spent every further instruction
 * raises an error, so a {@code pcall} inside the runaway code cannot swallow the abort.
 */
final class InstructionBudget extends DebugLib {

    private final long limit;
    // Written by the driver's thread and by LuaJ coroutine threads, which run only while the driver's thread
    // waits for them, so the hand-off already orders the accesses.
    private long used;

    /** @param limit instructions allowed between two {@link #reset()} calls; 0 means no limit */
    InstructionBudget(long limit) {
        this.limit = limit;
    }

    void reset() {
        used = 0;
    }

    boolean exhausted() {
        return limit > 0 && used > limit;
    }

    long limit() {
        return limit;
    }

    @Override
    public void onInstruction(int pc, Varargs v, int top) {
        if (limit > 0 && ++used > limit) {
            throw new LuaError("instruction budget of " + limit + " exceeded: the callback was aborted");
        }
        super.onInstruction(pc, v, top);
    }
}
