package org.driverhost.lua.internal.c4;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * DriverWorks functions that only make sense inside a Control4 project: proxies, bindings, variables, events,
 * rooms, the UI and history. DriverHost has no project, so each is a function that does nothing, logs one
 * warning per name and driver, and returns what a controller whose project holds only this driver would.
 * Names not listed here stay nil in {@code C4}, so that drivers probing for them see that they are missing.
 */
final class ProjectNoOps {

    private static final Supplier<Varargs> NOTHING = () -> LuaValue.NONE;
    private static final Supplier<Varargs> EMPTY_STRING = () -> LuaValue.EMPTYSTRING;
    private static final Supplier<Varargs> ZERO = () -> LuaValue.ZERO;
    private static final Supplier<Varargs> TRUE = () -> LuaValue.TRUE;
    private static final Supplier<Varargs> FALSE = () -> LuaValue.FALSE;
    private static final Supplier<Varargs> EMPTY_TABLE = LuaTable::new;

    /** Each no-op and its result; the documentation lists the same table. */
    static final Map<String, Supplier<Varargs>> RESULTS = results();

    private final DriverContext driver;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    ProjectNoOps(DriverContext driver) {
        this.driver = driver;
    }

    private static Map<String, Supplier<Varargs>> results() {
        Map<String, Supplier<Varargs>> results = new TreeMap<>();
        // Proxies, devices and bindings: nothing is bound, so sends go nowhere and lookups find nothing.
        for (String name : new String[] {"SendToProxy", "SendToDevice", "SendDataToUI", "AddDynamicBinding",
            "RemoveDynamicBinding", "RenameBinding", "SetBindingAddress", "BindToNetwork", "AllowExecute",
            "InvalidateState", "SetDeviceName"}) {
            results.put(name, NOTHING);
        }
        results.put("GetBoundProviderDevice", ZERO);
        results.put("GetBoundConsumerDevices", EMPTY_TABLE);
        results.put("GetBindingsByDevice", EMPTY_TABLE);
        results.put("GetProxyDevices", ZERO);
        results.put("GetProxyDevicesById", EMPTY_TABLE);
        results.put("GetDevicesByC4iName", EMPTY_TABLE);
        results.put("GetDeviceDisplayName", EMPTY_STRING);
        results.put("GetProjectItems", EMPTY_STRING);
        results.put("GetProjectProperty", EMPTY_STRING);
        results.put("RoomGetId", ZERO);
        results.put("SendUIRequest", EMPTY_STRING);

        // Variables: the driver's own variable is added (as a controller does), but nothing reads it back.
        results.put("AddVariable", TRUE);
        results.put("DeleteVariable", NOTHING);
        results.put("SetVariable", NOTHING);
        results.put("GetVariable", NOTHING);
        results.put("GetDeviceVariables", EMPTY_TABLE);
        results.put("RegisterVariableListener", NOTHING);
        results.put("UnregisterVariableListener", NOTHING);

        // Events and conditionals: no programming exists that could react to them.
        for (String name : new String[] {"FireEvent", "FireEventByID", "AddEvent", "DeleteEvent", "RenameEvent",
            "RegisterSystemEvent", "UnregisterSystemEvent", "UnregisterAllSystemEvents", "SetConditionalState"}) {
            results.put(name, NOTHING);
        }
        results.put("IsInFirmwareUpdate", FALSE);

        // History and notifications: nothing records them.
        for (String name : new String[] {"RecordHistory", "RecordCriticalHistory", "RecordWarningHistory",
            "RecordInfoHistory", "SendNotification"}) {
            results.put(name, NOTHING);
        }
        return Map.copyOf(results);
    }

    void addTo(LuaTable c4) {
        RESULTS.forEach((name, result) -> c4.set(name, new C4Function(name, driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                warnOnce(name);
                return result.get();
            }
        }));
    }

    private void warnOnce(String name) {
        if (warned.add(name)) {
            driver.driverLog().warn("Driver " + driver.instanceName() + ": C4:" + name + " does nothing in "
                    + "DriverHost, which has no Control4 project; further calls are not logged");
        }
    }
}
