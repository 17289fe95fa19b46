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
}
