package org.driverhost.lua.internal.timer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The running timers of one driver instance, which all fire on that driver's thread. */
public final class DriverTimers {

    private final TimerScheduler scheduler;
    private final Consumer<Runnable> driverThread;
    private final Map<Long, DriverTimer> running = new ConcurrentHashMap<>();
    // Ids are never reused in the life of the instance, so KillTimer with a stale id cannot stop a newer timer.
    private final AtomicLong lastId = new AtomicLong();

    /**
     * @param driverThread queues work on the driver's thread (and drops it once the driver is unloaded)
     */
    public DriverTimers(TimerScheduler scheduler, Consumer<Runnable> driverThread) {
        this.scheduler = scheduler;
        this.driverThread = driverThread;
    }

    /**
     * Starts a timer.
     *
     * @param delayMillis time to the first expiry; for a repeating timer also the period, at least 1
     * @throws IllegalStateException when the runtime is stopping and no timer can start
     */
    public DriverTimer start(long delayMillis, boolean repeating, DriverTimer.Action action) {
        DriverTimer timer = new DriverTimer(this, lastId.incrementAndGet(), repeating, action);
        running.put(timer.id(), timer);
        try {
            timer.scheduled(repeating ? scheduler.repeat(timer::expired, delayMillis)
                    : scheduler.once(timer::expired, delayMillis));
        } catch (RejectedExecutionException e) {
            running.remove(timer.id());
            throw new IllegalStateException("the timer clock is stopped because the runtime is stopping", e);
        }
        return timer;
    }

    /** Returns the running timer with that id, or null. */
    public DriverTimer find(long id) {
        return running.get(id);
    }

    /** Cancels every timer of the driver; none of them fires afterwards. */
    public void cancelAll() {
        for (DriverTimer timer : List.copyOf(running.values())) {
            timer.cancel();
        }
    }

    /** Returns how many timers are running. */
    public int count() {
        return running.size();
    }

    void forget(DriverTimer timer) {
        running.remove(timer.id(), timer);
    }

    void post(Runnable work) {
        driverThread.accept(work);
    }
}
