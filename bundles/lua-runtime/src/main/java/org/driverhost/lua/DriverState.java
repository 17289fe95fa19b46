package org.driverhost.lua;

/** Lifecycle state of a deployed driver instance. */
public enum DriverState {

    /** The package is being unpacked, or the script is running its first chunk and init callbacks. */
    LOADING,

    /** The script ran and its init callbacks were called; the driver serves events. */
    RUNNING,

    /**
     * The package could not be unpacked or the script could not be loaded or run. {@link DriverInfo#lastError()}
     * contains the reason. The instance stays listed until its file is removed or replaced.
     */
    FAILED,

    /** The driver is being unloaded: {@code OnDriverDestroyed} runs and its servers close. */
    UNLOADING
}
