package org.driverhost.lua.internal.c4;

import org.driverhost.lua.internal.timer.DriverTimers;
import org.driverhost.lua.internal.persist.PersistFunctions;
import org.driverhost.lua.internal.persist.PersistStore;
import org.driverhost.lua.internal.persist.SecretCodecs;
import org.driverhost.tls.ServerListener;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Builds a driver's {@code C4} object: an ordinary Lua table, so that drivers can probe for functions with
 * {@code if C4.PersistSetValue then} or call them as {@code C4[name](C4, ...)}.
 */
public final class C4Library {

    private C4Library() {
    }

    /** Returns a new {@code C4} table bound to one driver, its servers and its timers. */
    public static LuaTable create(DriverContext driver, DriverServers servers, DriverTimers timers) {
        LuaTable c4 = new LuaTable();
        new ProjectNoOps(driver).addTo(c4);
        new ServerFunctions(driver, servers).addTo(c4);
        new TimerFunctions(driver, timers).addTo(c4);
        new HelperFunctions(driver).addTo(c4);
        new InfoFunctions(driver).addTo(c4);
        addLogFunctions(c4, driver);
        addPersistFunctions(c4, driver);
        return c4;
    }

    /**
     * Returns a listener that turns a server's events into the driver's {@code OnServer*} callbacks, as for a
     * server the driver started itself, for servers declared in Config Admin.
     */
    public static ServerListener serverEvents(DriverContext driver, LuaValue identifier) {
        return new ServerEvents(driver, identifier, driver.inboundBacklog());
    }

    /** Adds the Persist* functions, which store values in the sandbox folder, the second of the driver's file roots. */
    private static void addPersistFunctions(LuaTable c4, DriverContext driver) {
        PersistStore store = new PersistStore(driver.fileRoots().get(1), SecretCodecs::current);
        new PersistFunctions(store, driver.instanceName(), driver.logger()).addTo(c4);
    }

    private static void addLogFunctions(LuaTable c4, DriverContext driver) {
        c4.set("ErrorLog", new C4Function("ErrorLog", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                driver.driverLog().error(args.arg(2).tojstring());
                return LuaValue.NONE;
            }
        });
        c4.set("DebugLog", new C4Function("DebugLog", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                driver.driverLog().debug(args.arg(2).tojstring());
                return LuaValue.NONE;
            }
        });
    }
}
