package org.driverhost.lua.internal.c4;

import java.nio.file.Path;
import java.util.List;
import org.driverhost.lua.internal.log.DriverLog;
import org.luaj.vm2.LuaValue;
import org.slf4j.Logger;

/** Driver instance services used by the {@code C4} functions and server events of that driver. */
public interface DriverContext {

    /** Returns the instance name, which also owns the driver's servers. */
    String instanceName();

    /** Returns the folders that relative file paths resolve against: the package folder, then the sandbox. */
    List<Path> fileRoots();

    /** Returns the logger named {@code driver.<instance>}. */
    Logger logger();

    /**
     * Queues work on the driver's thread, behind everything queued before. Work posted after the driver was
     * unloaded is dropped. Safe to call from any thread.
     */
    void post(Runnable work);

    /**
     * Calls a global function of the driver on the current thread, which must be the driver's thread. A
     * missing function is skipped; a Lua error is logged and does not propagate.
     */
    void callGlobal(String function, LuaValue... arguments);

    /**
     * Calls a Lua function (a timer's callback, for example) on the current thread, which must be the driver's
     * thread, with the same instruction budget and error handling as {@link #callGlobal}.
     *
     * @param label how log lines and errors name the call, for example {@code "timer callback"}
     */
    void call(String label, LuaValue function, LuaValue... arguments);

    /** Returns the name of the callback running now (for example {@code OnDriverInit}), or null. */
    String currentCallback();

    /** Returns the driver's log: SLF4J plus the buffer of recent lines. */
    DriverLog driverLog();

    /** Returns the instance's device id, a positive number that stays the same across restarts and updates. */
    long deviceId();

    /**
     * Returns the text of the root-level {@code driver.xml} element of that tag (for example {@code version}) of
     * the version running now, or an empty string when there is none.
     */
    String driverConfigInfo(String tag);

    /**
     * Returns the driver's count of received bytes waiting for its callbacks, shared by all of its servers, or
     * null where the driver runs no servers (some unit tests).
     */
    default InboundBacklog inboundBacklog() {
        return null;
    }
}
