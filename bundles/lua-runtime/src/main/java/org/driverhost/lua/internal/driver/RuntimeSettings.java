package org.driverhost.lua.internal.driver;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Lua driver runtime, under the configuration PID {@code org.driverhost.lua}. */
@ObjectClassDefinition(name = "DriverHost Lua runtime",
        description = "Where drivers' files live, how long one Lua callback may run, and how much a driver may "
                + "queue and store.")
public @interface RuntimeSettings {

    @AttributeDefinition(name = "Data folder",
            description = "Folder that contains the driverhost/packages and driverhost/sandbox folders. Empty means "
                    + "Karaf's data folder (karaf.data), else the bundle's own data area.")
    String dataFolder() default "";

    @AttributeDefinition(name = "Instruction budget",
            description = "Lua VM instructions one callback (or the script's first run) may execute before it is "
                    + "aborted with an error. 0 disables the limit.")
    long instructionBudget() default DriverManager.DEFAULT_INSTRUCTION_BUDGET;

    @AttributeDefinition(name = "Back-pressure high-water mark (bytes)",
            description = "When a driver has more received bytes than this waiting for OnServerDataIn, DriverHost "
                    + "stops reading from the clients that send more, until the driver catches up. 0 disables it.")
    long backlogHighWaterBytes() default DriverLimits.DEFAULT_BACKLOG_HIGH_WATER_BYTES;

    @AttributeDefinition(name = "Back-pressure low-water mark (bytes)",
            description = "Paused clients are read again once the driver's waiting bytes are down to this.")
    long backlogLowWaterBytes() default DriverLimits.DEFAULT_BACKLOG_LOW_WATER_BYTES;

    @AttributeDefinition(name = "Sandbox size limit (bytes)",
            description = "Total size of the files a driver may keep in its sandbox folder; writes beyond it fail.")
    long sandboxMaxBytes() default DriverLimits.DEFAULT_SANDBOX_MAX_BYTES;

    @AttributeDefinition(name = "Sandbox file limit",
            description = "Number of files a driver may keep in its sandbox folder; creating more fails.")
    int sandboxMaxFiles() default DriverLimits.DEFAULT_SANDBOX_MAX_FILES;
}
