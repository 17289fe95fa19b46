package org.driverhost.lua.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of a driver instance configuration. The driver's property values follow under
 * {@code property.<Name>} keys; metatype cannot list them because each package declares its own.
 */
@ObjectClassDefinition(name = "DriverHost driver instance",
        description = "One running instance of a driver package, with its property values under property.<Name> keys.")
public @interface DriverInstanceSettings {

    @AttributeDefinition(name = "Instance name",
            description = "Name of the instance: its log name, the owner of its servers and its sandbox folder. "
                    + "Empty means the name of the configuration (etc/org.driverhost.driver-NAME.cfg).",
            required = false)
    String name() default "";

    @AttributeDefinition(name = "Package",
            description = "File name of the driver package in the deploy folder, for example tls-echo.c4z.")
    String package$();
}
