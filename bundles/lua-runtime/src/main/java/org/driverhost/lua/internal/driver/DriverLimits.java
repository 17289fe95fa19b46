package org.driverhost.lua.internal.driver;

/**
 * Limits that apply to every driver.
 *
 * @param instructionBudget Lua instructions one callback may run, 0 for no limit
 * @param backlogHighWaterBytes received bytes waiting for {@code OnServerDataIn} above which reading pauses,
 *     0 for no back-pressure
 * @param backlogLowWaterBytes waiting bytes at or below which paused reading resumes
 * @param sandboxMaxBytes total size of the files in one driver's sandbox folder
 * @param sandboxMaxFiles number of files in one driver's sandbox folder
 */
public record DriverLimits(long instructionBudget, long backlogHighWaterBytes, long backlogLowWaterBytes,
        long sandboxMaxBytes, int sandboxMaxFiles) {

    public static final long DEFAULT_BACKLOG_HIGH_WATER_BYTES = 1024 * 1024;
    public static final long DEFAULT_BACKLOG_LOW_WATER_BYTES = 256 * 1024;
    public static final long DEFAULT_SANDBOX_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_SANDBOX_MAX_FILES = 1000;

    /** Returns the default limits with the given instruction budget. */
    public static DriverLimits withInstructionBudget(long instructionBudget) {
        return new DriverLimits(instructionBudget, DEFAULT_BACKLOG_HIGH_WATER_BYTES, DEFAULT_BACKLOG_LOW_WATER_BYTES,
                DEFAULT_SANDBOX_MAX_BYTES, DEFAULT_SANDBOX_MAX_FILES);
    }

    static DriverLimits of(RuntimeSettings settings) {
        return new DriverLimits(settings.instructionBudget(), settings.backlogHighWaterBytes(),
                settings.backlogLowWaterBytes(), settings.sandboxMaxBytes(), settings.sandboxMaxFiles());
    }
}
