package org.driverhost.lua.internal.config;

import java.util.List;
import org.driverhost.lua.internal.c4.DriverContext;
import org.luaj.vm2.Globals;

/**
 * The driver instances recorded in Config Admin, as the driver manager uses them: which instances a package
 * file runs, and the property values of each.
 */
public interface InstanceCatalog {

    /** Creates the configuration of the instance {@code name} for a package file, unless an instance of that name exists. */
    void ensureInstance(String name, String packageFileName);

    /** Returns the names of the instances whose configuration names this package file. */
    List<String> instancesOf(String packageFileName);

    /**
     * Loads the configured property values into a new Lua state and adds {@code C4:UpdateProperty}. Called on the
     * driver's thread, after the {@code driver.xml} defaults are in {@code Properties} and before the script runs.
     */
    void attach(String name, DriverContext driver, Globals globals);
}
