package org.driverhost.lua;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A snapshot of one deployed driver instance.
 *
 * @param instanceName the instance's name: the {@code .c4z} file name without its extension, unique in the runtime
 * @param driverName the {@code <name>} of the package's {@code driver.xml}, or an empty string when it could not be read
 * @param driverVersion the {@code <version>} of the package's {@code driver.xml}, or an empty string
 * @param packageFile the {@code .c4z} file the instance was deployed from
 * @param state where the instance is in its life
 * @param lastError the last error of the instance (unpacking, loading or a Lua callback), or an empty string
 */
public record DriverInfo(String instanceName, String driverName, String driverVersion, Path packageFile,
        DriverState state, String lastError) {

    /** Checks that no component is null, so that consumers can print every field as it is. */
    public DriverInfo {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(driverName, "driverName");
        Objects.requireNonNull(driverVersion, "driverVersion");
        Objects.requireNonNull(packageFile, "packageFile");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
    }
}
