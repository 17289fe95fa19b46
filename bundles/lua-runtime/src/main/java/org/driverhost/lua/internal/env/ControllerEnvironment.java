package org.driverhost.lua.internal.env;

import org.luaj.vm2.Globals;

/**
 * Installs what a controller gives every driver besides {@code C4}. That is the {@code json} module for
 * {@code require}, and the legacy globals {@code C4SystemEvents} and {@code PersistData}, restored from the
 * driver's sandbox.
 */
public final class ControllerEnvironment {

    private ControllerEnvironment() {
    }

    /** Adds the modules and globals to a new Lua state, before the driver's script runs. */
    public static void install(Globals globals, PersistDataFile persistData) {
        ControllerModules.install(globals);
        globals.set("C4SystemEvents", SystemEvents.create());
        globals.set(PersistDataFile.GLOBAL, persistData.load());
    }
}
