package org.driverhost.lua.internal.timer;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One timer of a driver. Expiries are counted on the clock thread, and at most one call at a time is queued on
 * the driver's thread. Expiries that pass while that call waits are reported to it as skips instead of queuing
 * more calls.
 */
public final class DriverTimer {

    /** Work a timer runs on the driver's thread when it fires. */
    @FunctionalInterface
    public interface Action {

        /** @param skips expiries of a repeating timer that passed while the driver was busy; 0 for one-shot timers */
        void fire(DriverTimer timer, int skips);
    }

    private final DriverTimers owner;
    private final long id;
    private final boolean repeating;
    private final Action action;
    private final AtomicInteger pendingExpiries = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> future;

    DriverTimer(DriverTimers owner, long id, boolean repeating, Action action) {
        this.owner = owner;
        this.id = id;
        this.repeating = repeating;
        this.action = action;
    }

    /** Returns the driver-wide number of this timer, the id that {@code C4:AddTimer} returns. */
    public long id() {
        return id;
    }

    public boolean repeating() {
        return repeating;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Stops the timer; a call already queued on the driver's thread is dropped. Safe to call from any thread. */
    public void cancel() {
        cancelled = true;
        ScheduledFuture<?> scheduled = future;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        owner.forget(this);
    }

    void scheduled(ScheduledFuture<?> scheduled) {
        this.future = scheduled;
        if (cancelled) {
            scheduled.cancel(false);
        }
    }

    /** Runs on the clock thread at each expiry. */
    void expired() {
        if (!cancelled && pendingExpiries.getAndIncrement() == 0) {
            owner.post(this::fireOnDriverThread);
        }
    }

    private void fireOnDriverThread() {
        // Checked here, on the driver's thread, so that a timer cancelled by an earlier callback, an unload or
        // an update never fires afterwards even when its expiry was already queued.
        if (cancelled) {
            return;
        }
        int expiries = pendingExpiries.getAndSet(0);
        if (!repeating) {
            cancelled = true;
            owner.forget(this);
        }
        action.fire(this, Math.max(0, expiries - 1));
    }
}
