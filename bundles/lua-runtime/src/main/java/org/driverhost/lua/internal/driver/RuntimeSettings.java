package org.driverhost.lua.internal.driver;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Lua driver runtime, under the configuration PID {@code org.driverhost.lua}. */
@ObjectClassDefinition(name = "DriverHost Lua runtime",
        description = "Where drivers' files live and how long one Lua callback may run.")
public @interface RuntimeSettings {

    @AttributeDefinition(name = "Data folder",
            description = "Folder that contains the driverhost/packages and driverhost/sandbox folders. Empty means "
                    + "Karaf's data folder (karaf.data), else the bundle's own data area.")
    String dataFolder() default "";

    @AttributeDefinition(name = "Instruction budget",
            description = "Lua VM instructions one callback (or the script's first run) may execute before it is "
                    + "aborted with an error. 0 disables the limit.")
    long instructionBudget() default DriverManager.DEFAULT_INSTRUCTION_BUDGET;
}
