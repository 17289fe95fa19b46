package org.driverhost.lua.internal.c4;

import java.nio.file.Path;
import java.util.List;
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

    /** Returns the name of the callback running now (for example {@code OnDriverInit}), or null. */
    String currentCallback();
}
