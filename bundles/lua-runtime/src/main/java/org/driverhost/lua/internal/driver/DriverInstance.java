package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverState;
import org.driverhost.lua.LogEntry;
import org.driverhost.lua.internal.c4.C4Library;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.lua.internal.c4.DriverServers;
import org.driverhost.lua.internal.c4.InboundBacklog;
import org.driverhost.lua.internal.deploy.DriverDescription;
import org.driverhost.lua.internal.deploy.DriverDescription.ScriptSource;
import org.driverhost.lua.internal.deploy.PackageException;
import org.driverhost.lua.internal.env.ControllerEnvironment;
import org.driverhost.lua.internal.env.PersistDataFile;
import org.driverhost.lua.internal.log.DriverLog;
import org.driverhost.lua.internal.timer.DriverTimers;
import org.driverhost.lua.internal.timer.TimerScheduler;
import org.driverhost.tls.ServerService;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running driver: its Lua state and the single thread ({@code driver-<instance>}) that runs all of its Lua
 * code, lifecycle callbacks and server events in the order they were queued.
 */
final class DriverInstance implements DriverContext {

    /** Supplies the new package during an update, on the driver's thread, once the old version is shut down. */
    interface PackageSwap {
        DriverDescription install() throws PackageException;
    }

    /**
     * Runtime-wide services and per-instance settings an instance needs besides its folders.
     *
     * @param timerScheduler the clock thread shared by all drivers' timers
     * @param deviceId the number {@code C4:GetDeviceID} returns
     * @param recentLogLines lines of the driver's log kept in memory for consoles
     */
    record Services(TimerScheduler timerScheduler, long deviceId, int recentLogLines) {
    }

    private final String name;
    private final Path packageFile;
    private final Path packageFolder;
    private final Path sandboxFolder;
    private final DriverLimits limits;
    private final BiConsumer<String, Globals> customizer;
    private final Logger log;
    private final ExecutorService executor;
    private final DriverServers servers;
    private final DriverTimers timers;
    private final DriverLog driverLog;
    private final PersistDataFile persistData;
    private final long deviceId;

    private volatile DriverDescription description;
    private volatile DriverState state = DriverState.LOADING;
    private volatile String lastError = "";
    private volatile boolean closed;

    // Confined to the driver's thread.
    private Globals globals;
    private InstructionBudget budget;
    private String currentCallback;
    private Set<LuaValue> builtinModules = Set.of();

    DriverInstance(String name, Path packageFile, Path packageFolder, Path sandboxFolder, ServerService service,
            DriverLimits limits, BiConsumer<String, Globals> customizer, Services services) {
        this.name = name;
        this.packageFile = packageFile;
        this.packageFolder = packageFolder;
        this.sandboxFolder = sandboxFolder;
        this.limits = limits;
        this.customizer = customizer;
        this.log = LoggerFactory.getLogger("driver." + name);
        this.servers = new DriverServers(service, name, log,
                new InboundBacklog(service, limits.backlogHighWaterBytes(), limits.backlogLowWaterBytes()));
        this.timers = new DriverTimers(services.timerScheduler(), this::post);
        this.driverLog = new DriverLog(log, services.recentLogLines(), Clock.systemUTC());
        this.persistData = new PersistDataFile(sandboxFolder, driverLog, name);
        this.deviceId = services.deviceId();
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "driver-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the driver: runs its script, then {@code OnDriverInit(dit)} and {@code OnDriverLateInit(dit)}. */
    CompletableFuture<Void> load(DriverDescription loaded, String dit) {
        return CompletableFuture.runAsync(() -> {
            description = loaded;
            try {
                startLua();
            } catch (LuaError | IllegalStateException e) {
                fail("the Lua state could not be created: " + e.getMessage());
                return;
            }
            if (runScript()) {
                initialize(dit);
            }
        }, executor);
    }

    /**
     * Replaces the driver by a new version in the same Lua state: {@code OnDriverDestroyed(DIT_UPDATING)}, its
     * servers closed, then the new script and {@code OnDriverInit(DIT_UPDATING)}, {@code OnDriverLateInit}.
     */
    CompletableFuture<Void> update(PackageSwap swap) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued = executeOrDrop(() -> {
            state = DriverState.LOADING;
            callGlobal("OnDriverDestroyed", LuaValue.valueOf(LuaStateFactory.DIT_UPDATING));
            stopTimersAndSave();
            servers.destroyAll();
            // The old servers' OFFLINE events were queued while destroyAll waited. The new version starts behind
            // them, so the old version's events never reach the new script.
            boolean reloadQueued = executeOrDrop(() -> {
                try {
                    reload(swap);
                } finally {
                    done.complete(null);
                }
            });
            if (!reloadQueued) {
                done.complete(null);
            }
        });
        if (!queued) {
            done.complete(null);
        }
        return done;
    }

    /**
     * Stops the driver: {@code OnDriverDestroyed(DIT_LOADED)}, its servers closed, then the thread ends once the
     * events already queued (the servers' OFFLINE events) have run. Later events are dropped.
     */
    void unload() {
        executeOrDrop(() -> {
            state = DriverState.UNLOADING;
            callGlobal("OnDriverDestroyed", LuaValue.valueOf(LuaStateFactory.DIT_LOADED));
            stopTimersAndSave();
            servers.destroyAll();
            closed = true;
            executor.shutdown();
        });
    }

    /** Waits for {@link #unload()} to finish; when it does not in time, closes the servers from here and gives up the thread. */
    boolean awaitUnloaded(long timeoutMillis) throws InterruptedException {
        if (executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
            // Callbacks that ran after OnDriverDestroyed (the servers' OFFLINE events) may have started timers.
            timers.cancelAll();
            return true;
        }
        log.warn("Driver {}: unloading did not finish within {} ms; closing its servers without it", name, timeoutMillis);
        closed = true;
        timers.cancelAll();
        servers.destroyAll();
        executor.shutdownNow();
        return false;
    }

    /** Records an error that concerns the instance but happened outside Lua, such as a rejected update. */
    void recordError(String message) {
        lastError = message;
    }

    Path packageFile() {
        return packageFile;
    }

    DriverInfo info() {
        DriverDescription current = description;
        return new DriverInfo(name, current == null ? "" : current.name(), current == null ? "" : current.version(),
                packageFile, state, lastError);
    }

    InboundBacklog backlog() {
        return servers.backlog();
    }

    @Override
    public String instanceName() {
        return name;
    }

    @Override
    public List<Path> fileRoots() {
        return List.of(packageFolder, sandboxFolder);
    }

    @Override
    public Logger logger() {
        return log;
    }

    @Override
    public void post(Runnable work) {
        if (!closed) {
            executeOrDrop(work);
        }
    }

    @Override
    public String currentCallback() {
        return currentCallback;
    }

    @Override
    public void callGlobal(String function, LuaValue... arguments) {
        if (globals == null) {
            return;
        }
        // rawget: a strict-mode metatable on _G must not turn a missing optional callback into an error.
        LuaValue callback = globals.rawget(function);
        if (callback.isnil()) {
            return;
        }
        call(function, callback, arguments);
    }

    @Override
    public void call(String label, LuaValue function, LuaValue... arguments) {
        String previous = currentCallback;
        currentCallback = label;
        budget.reset();
        try {
            function.invoke(LuaValue.varargsOf(arguments));
        } catch (LuaError | StackOverflowError e) {
            reportLuaError(label, e);
        } catch (RuntimeException e) {
            reportLuaError(label, e);
        } finally {
            currentCallback = previous;
        }
    }

    @Override
    public DriverLog driverLog() {
        return driverLog;
    }

    @Override
    public long deviceId() {
        return deviceId;
    }

    @Override
    public InboundBacklog inboundBacklog() {
        return servers.backlog();
    }

    @Override
    public String driverConfigInfo(String tag) {
        DriverDescription current = description;
        return current == null ? "" : current.configInfo().getOrDefault(tag, "");
    }

    List<LogEntry> recentLog() {
        return driverLog.recent();
    }

    /** Stops every timer, so none fires into a new version or after unloading, and saves PersistData. */
    private void stopTimersAndSave() {
        timers.cancelAll();
        if (globals != null) {
            persistData.save(globals.rawget(PersistDataFile.GLOBAL));
        }
    }

    private boolean executeOrDrop(Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            log.debug("Driver {}: unloaded, event dropped", name);
            return false;
        }
    }

    private void startLua() {
        budget = new InstructionBudget(limits.instructionBudget());
        SandboxFiles files = new SandboxFiles(packageFolder, sandboxFolder, limits.sandboxMaxBytes(),
                limits.sandboxMaxFiles());
        globals = LuaStateFactory.standardGlobals(files, budget, driverLog);
        LuaStateFactory.addDriverGlobals(globals, description.propertyDefaults(),
                C4Library.create(this, servers, timers));
        ControllerEnvironment.install(globals, persistData);
        customizer.accept(name, globals);
        builtinModules = loadedModuleNames();
    }

    private void reload(PackageSwap swap) {
        // The old version's OFFLINE callbacks ran between the update's first step and this one. They may have
        // started timers, and none of those may fire into the new version.
        timers.cancelAll();
        try {
            description = swap.install();
        } catch (PackageException e) {
            fail("the new package could not be installed: " + e.getMessage());
            return;
        }
        if (globals == null) {
            startLua();
        } else {
            LuaStateFactory.mergeProperties(globals, description.propertyDefaults());
            forgetPackageModules();
        }
        if (runScript()) {
            initialize(LuaStateFactory.DIT_UPDATING);
        }
    }

    /** Loads and runs the script's chunk; returns false (and marks the driver failed) when either fails. */
    private boolean runScript() {
        ScriptSource script = description.script();
        LuaValue chunk;
        try {
            chunk = compile(script);
        } catch (PackageException e) {
            fail(e.getMessage());
            return false;
        } catch (LuaError e) {
            fail("the script " + script.chunkName() + " does not compile: " + e.getMessage());
            return false;
        }
        currentCallback = "main chunk";
        budget.reset();
        try {
            chunk.call();
            return true;
        } catch (LuaError | StackOverflowError e) {
            reportLuaError("the main chunk", e);
        } catch (RuntimeException e) {
            reportLuaError("the main chunk", e);
        } finally {
            currentCallback = null;
        }
        state = DriverState.FAILED;
        return false;
    }

    private LuaValue compile(ScriptSource script) throws PackageException {
        if (script.inlineCode() != null) {
            return globals.load(script.inlineCode(), "@" + script.chunkName(), globals);
        }
        Path file = new PackageResourceFinder(packageFolder).resolve(script.file());
        if (file == null) {
            throw new PackageException("the script \"" + script.file() + "\" named in driver.xml is not in the package");
        }
        try (InputStream in = Files.newInputStream(file)) {
            // The "@" prefix makes Lua name the file in error positions, as "driver.lua:12: message".
            return globals.load(in, "@" + script.file(), "t", globals);
        } catch (IOException e) {
            throw new PackageException("the script \"" + script.file() + "\" cannot be read: " + e.getMessage(), e);
        }
    }

    private void initialize(String dit) {
        LuaValue type = LuaValue.valueOf(dit);
        callGlobal("OnDriverInit", type);
        callGlobal("OnDriverLateInit", type);
        state = DriverState.RUNNING;
        log.info("Driver {} ({} {}) running after {}", name, description.name(), description.version(), dit);
    }

    private Set<LuaValue> loadedModuleNames() {
        Set<LuaValue> names = new HashSet<>();
        LuaValue loaded = globals.get("package").get("loaded");
        for (LuaValue key = loaded.next(LuaValue.NIL).arg1(); !key.isnil(); key = loaded.next(key).arg1()) {
            names.add(key);
        }
        return names;
    }

    /** Drops the modules the old version required from its package, so the new version loads its own files. */
    private void forgetPackageModules() {
        LuaValue loaded = globals.get("package").get("loaded");
        for (LuaValue key : Set.copyOf(loadedModuleNames())) {
            if (!builtinModules.contains(key)) {
                loaded.set(key, LuaValue.NIL);
            }
        }
    }

    private void reportLuaError(String where, Throwable error) {
        String message;
        if (error instanceof StackOverflowError) {
            message = "stack overflow";
        } else if (error instanceof LuaError && budget.exhausted()) {
            message = "aborted after " + budget.limit() + " Lua instructions (runaway code?): " + error.getMessage();
        } else if (error instanceof LuaError) {
            message = error.getMessage();
        } else {
            message = error.toString();
        }
        lastError = where + ": " + message;
        driverLog.remember(LogEntry.Level.ERROR, "error in " + where + ": " + message);
        if (error instanceof LuaError || error instanceof StackOverflowError) {
            log.error("Driver {}: error in {}: {}", name, where, message);
        } else {
            log.error("Driver {}: error in {}", name, where, error);
        }
    }

    private void fail(String message) {
        lastError = message;
        driverLog.remember(LogEntry.Level.ERROR, "failed: " + message);
        state = DriverState.FAILED;
        log.error("Driver {} failed: {}", name, message);
    }

}
