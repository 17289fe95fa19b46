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
     * Sets who starts and stops instances when their configurations change, or null to stop telling anyone. The
     * driver manager calls this, so that the catalog needs no reference back to it.
     */
    void listen(InstanceListener listener);

    /** Receives changes of instance configurations. */
    interface InstanceListener {

        /** A configuration of an instance was created or changed. */
        void definitionChanged(String name, String packageFileName);

        /** The configuration of an instance was deleted. */
        void definitionRemoved(String name);
    }

    /**
     * Loads the configured property values into a new Lua state and adds {@code C4:UpdateProperty}. Called on the
     * driver's thread, after the {@code driver.xml} defaults are in {@code Properties} and before the script runs.
     */
    void attach(String name, DriverContext driver, Globals globals);
}
