package org.driverhost.lua.internal.timer;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one clock thread ({@code driverhost-timers}) that all drivers' timers share. It only counts expiries and
 * hands them to the drivers' own threads, so a slow driver never delays another driver's timers.
 */
public final class TimerScheduler implements AutoCloseable {

    private final ScheduledExecutorService executor;

    public TimerScheduler() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            thread.setName("driverhost-timers");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled timers leave the queue at once instead of at their expiry, which may be hours away.
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    ScheduledFuture<?> once(Runnable tick, long delayMillis) {
        return executor.schedule(tick, delayMillis, TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> repeat(Runnable tick, long periodMillis) {
        return executor.scheduleAtFixedRate(tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the clock thread; timers still scheduled never fire. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
