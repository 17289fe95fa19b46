package org.driverhost.lua;

import java.util.List;
import java.util.Optional;

/**
 * The drivers deployed in this runtime, for consoles and shell commands. The runtime registers one instance
 * of this service; every method is thread-safe and returns snapshots that do not change afterwards.
 */
public interface DriverRegistry {

    /** Returns every deployed driver instance, sorted by instance name. */
    List<DriverInfo> drivers();

    /** Returns the driver instance of that name, or an empty optional when none is deployed under it. */
    Optional<DriverInfo> driver(String instanceName);

    /**
     * Returns the last lines the driver instance logged, oldest first: what its {@code print}, {@code C4:ErrorLog}
     * and {@code C4:DebugLog} wrote (DEBUG lines included, whatever the SLF4J level) and the runtime's errors and
     * warnings about it. The runtime keeps the last {@value #RECENT_LOG_LINES} lines per instance in memory, since
     * the instance was deployed in this run. Returns an empty list for an unknown or failed instance.
     */
    List<LogEntry> recentLog(String instanceName);

    /** Number of lines {@link #recentLog(String)} keeps per driver instance. */
    int RECENT_LOG_LINES = 500;
}
