package org.driverhost.lua.internal.driver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverRegistry;
import org.driverhost.lua.DriverState;
import org.driverhost.lua.internal.c4.InboundBacklog;
import org.driverhost.lua.LogEntry;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.lua.internal.config.InstanceCatalog;
import org.driverhost.lua.internal.deploy.DriverDescription;
import org.driverhost.lua.internal.deploy.DriverXmlParser;
import org.driverhost.lua.internal.deploy.PackageException;
import org.driverhost.lua.internal.deploy.PackageUnpacker;
import org.driverhost.lua.internal.deploy.SingleFileDriver;
import org.driverhost.lua.internal.deploy.UnpackLimits;
import org.driverhost.lua.internal.timer.TimerScheduler;
import org.driverhost.tls.ServerService;
import org.luaj.vm2.Globals;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys, updates and removes driver instances, one per {@code .c4z} file, and lists them for consoles.
 *
 * <p>When the runtime itself stops (bundle stop, configuration change, Karaf shutdown) every driver gets
 * {@code OnDriverDestroyed(DIT_LOADED)}, the same call as when its file is removed: a controller also calls
 * {@code OnDriverDestroyed} when Director shuts down, and only updates have a type of their own. Sandboxes
 * stay in both cases; the next start reports {@code DIT_STARTUP}.
 */
@Component(service = {DriverManager.class, DriverRegistry.class}, configurationPid = "org.driverhost.lua")
@Designate(ocd = RuntimeSettings.class)
public final class DriverManager implements DriverRegistry {

    /**
     * Default budget of Lua instructions per callback, far above what a real callback runs. With the counting
     * hook LuaJ ran about 65 million instructions per second (a table-writing loop, 2-core AMD EPYC VM), so
     * this is about 3 s of work there.
     */
    public static final long DEFAULT_INSTRUCTION_BUDGET = 200_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(DriverManager.class);
    private static final String EXTENSION = ".c4z";
    private static final int RECENT_LOG_LINES = DriverRegistry.RECENT_LOG_LINES;
    private static final long UNLOAD_TIMEOUT_MILLIS = 30_000;

    private final ServerService servers;
    private final DriverFolders folders;
    private final DriverLimits limits;
    private final BiConsumer<String, Globals> customizer;
    private final PackageUnpacker unpacker = new PackageUnpacker(UnpackLimits.DEFAULT);
    private final SingleFileDriver singleFileDriver = new SingleFileDriver(UnpackLimits.DEFAULT);
    private final TimerScheduler timerScheduler = new TimerScheduler();
    private final DeviceIds deviceIds;
    private final DriverXmlParser parser = new DriverXmlParser();
    private final Map<String, DriverInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, DriverInfo> rejected = new ConcurrentHashMap<>();
    private final Map<String, Path> packageFiles = new ConcurrentHashMap<>();

    /** Config Admin records of the instances; null outside OSGi, where each file is one instance. */
    private volatile InstanceCatalog catalog;

    @Activate
    public DriverManager(@Reference ServerService servers, RuntimeSettings settings, BundleContext context) {
        this(servers, dataFolder(settings, context), DriverLimits.of(settings), (instance, globals) -> { });
    }

    /**
     * Creates a manager outside OSGi.
     *
     * @param dataFolder the folder that receives {@code driverhost/packages} and {@code driverhost/sandbox}
     * @param instructionBudget Lua instructions one callback may run, 0 for no limit
     * @param customizer called on each new Lua state, on the driver's thread, before the script runs
     */
    public DriverManager(ServerService servers, Path dataFolder, long instructionBudget,
            BiConsumer<String, Globals> customizer) {
        this(servers, dataFolder, DriverLimits.withInstructionBudget(instructionBudget), customizer);
    }

    /**
     * Creates a manager outside OSGi with every limit given.
     *
     * @param dataFolder the folder that receives {@code driverhost/packages} and {@code driverhost/sandbox}
     * @param customizer called on each new Lua state, on the driver's thread, before the script runs
     */
    public DriverManager(ServerService servers, Path dataFolder, DriverLimits limits,
            BiConsumer<String, Globals> customizer) {
        this.servers = servers;
        this.folders = new DriverFolders(dataFolder);
        this.limits = limits;
        this.deviceIds = new DeviceIds(folders.deviceIdsFile());
        this.customizer = (instance, globals) -> {
            customizer.accept(instance, globals);
            InstanceCatalog current = catalog;
            if (current != null) {
                current.attach(instance, instances.get(instance), globals);
            }
        };
        // Staging folders left by a crash are never completed; start clean.
        deleteQuietly(folders.stagingRoot());
        LOG.info("Lua driver runtime ready: driver folders under {}", dataFolder.resolve("driverhost"));
    }

    @Reference(policy = ReferencePolicy.DYNAMIC)
    void bindCatalog(InstanceCatalog bound) {
        catalog = bound;
        bound.listen(new InstanceCatalog.InstanceListener() {
            @Override
            public void definitionChanged(String name, String packageFileName) {
                applyDefinition(name, packageFileName);
            }

            @Override
            public void definitionRemoved(String name) {
                removeDefinition(name);
            }
        });
    }

    void unbindCatalog(InstanceCatalog unbound) {
        unbound.listen(null);
        if (catalog == unbound) {
            catalog = null;
        }
    }

    /** Unloads every driver, each with {@code OnDriverDestroyed(DIT_LOADED)}. */
    @Deactivate
    public synchronized void deactivate() {
        List<DriverInstance> running = new ArrayList<>(instances.values());
        instances.clear();
        rejected.clear();
        running.forEach(DriverInstance::unload);
        for (DriverInstance instance : running) {
            awaitUnloaded(instance);
        }
        timerScheduler.close();
        LOG.info("Lua driver runtime stopped: {} drivers unloaded", running.size());
    }

    /** Returns whether the file name has the {@code .c4z} or the single-file {@code .c4i} extension, in any case. */
    public static boolean hasPackageExtension(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                || SingleFileDriver.hasExtension(file);
    }

    /**
     * Deploys a package as the instance named after the file. Returns once the package is unpacked; the
     * future completes when the driver's init callbacks have run (or it failed).
     */
    public synchronized CompletableFuture<Void> install(Path c4z) {
        InstanceCatalog current = catalog;
        if (current != null) {
            return installDeclared(c4z, current);
        }
        return startInstance(instanceName(c4z), c4z);
    }

    /** Starts the instance {@code name} from a package file, or updates it when it runs already. */
    private CompletableFuture<Void> startInstance(String name, Path c4z) {
        if (instances.containsKey(name)) {
            return updateInstance(name, c4z);
        }
        rejected.remove(name);

        Path staging;
        DriverDescription description;
        try {
            staging = folders.newStagingFolder(name);
            description = unpackAndParse(c4z, staging);
        } catch (PackageException | IOException e) {
            reject(name, c4z, e.getMessage());
            return CompletableFuture.completedFuture(null);
        }

        Path sandbox = folders.sandboxFolder(name);
        boolean adding = !Files.isDirectory(sandbox);
        try {
            Files.createDirectories(sandbox);
            folders.replacePackage(name, staging);
        } catch (IOException e) {
            reject(name, c4z, "the package folder could not be written: " + e.getMessage());
            deleteQuietly(staging);
            return CompletableFuture.completedFuture(null);
        }

        DriverInstance instance = new DriverInstance(name, c4z, folders.packageFolder(name), sandbox, servers,
                limits, customizer, new DriverInstance.Services(timerScheduler, deviceIds.idOf(name),
                        RECENT_LOG_LINES));
        instances.put(name, instance);
        LOG.info("Driver {}: deploying {} {} from {}", name, description.name(), description.version(), c4z);
        return instance.load(description, adding ? LuaStateFactory.DIT_ADDING : LuaStateFactory.DIT_STARTUP);
    }

    /**
     * Replaces a deployed instance by the new version of its file. A package that cannot be unpacked or parsed
     * is rejected and the running version stays.
     */
    public synchronized CompletableFuture<Void> update(Path c4z) {
        InstanceCatalog current = catalog;
        if (current != null) {
            return installDeclared(c4z, current);
        }
        return updateInstance(instanceName(c4z), c4z);
    }

    private CompletableFuture<Void> updateInstance(String name, Path c4z) {
        DriverInstance instance = instances.get(name);
        if (instance == null) {
            return startInstance(name, c4z);
        }

        Path staging;
        DriverDescription description;
        try {
            staging = folders.newStagingFolder(name);
            description = unpackAndParse(c4z, staging);
        } catch (PackageException | IOException e) {
            LOG.error("Driver {}: update from {} rejected, the running version stays: {}", name, c4z, e.getMessage());
            instance.recordError("update rejected: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }

        LOG.info("Driver {}: updating to {} {} from {}", name, description.name(), description.version(), c4z);
        return instance.update(() -> {
            try {
                folders.replacePackage(name, staging);
            } catch (IOException e) {
                throw new PackageException("the package folder could not be replaced: " + e.getMessage(), e);
            }
            return description;
        });
    }

    /** Removes the instance of that file: {@code OnDriverDestroyed(DIT_LOADED)}, servers closed, package folder deleted. */
    public synchronized void uninstall(Path c4z) {
        if (catalog != null) {
            String fileName = c4z.getFileName().toString();
            packageFiles.remove(fileName, c4z);
            for (DriverInstance instance : List.copyOf(instances.values())) {
                if (instance.packageFile().getFileName().toString().equals(fileName)) {
                    stopInstance(instance.instanceName());
                }
            }
            rejected.remove(instanceName(c4z));
            return;
        }
        stopInstance(instanceName(c4z));
    }

    /** Stops an instance, keeping its sandbox; does nothing when it does not run. */
    private void stopInstance(String name) {
        rejected.remove(name);
        DriverInstance instance = instances.remove(name);
        if (instance == null) {
            return;
        }
        instance.unload();
        awaitUnloaded(instance);
        try {
            DriverFolders.deleteTree(folders.packageFolder(name));
        } catch (IOException e) {
            LOG.warn("Driver {}: package folder {} could not be deleted: {}", name, folders.packageFolder(name),
                    e.getMessage());
        }
        LOG.info("Driver {}: removed; its sandbox {} stays", name, folders.sandboxFolder(name));
    }

    @Override
    public List<DriverInfo> drivers() {
        List<DriverInfo> all = new ArrayList<>(rejected.values());
        instances.values().forEach(instance -> all.add(instance.info()));
        all.sort(Comparator.comparing(DriverInfo::instanceName));
        return List.copyOf(all);
    }

    @Override
    public Optional<DriverInfo> driver(String instanceName) {
        DriverInstance instance = instances.get(instanceName);
        return instance != null ? Optional.of(instance.info()) : Optional.ofNullable(rejected.get(instanceName));
    }

    @Override
    public List<LogEntry> recentLog(String instanceName) {
        DriverInstance instance = instances.get(instanceName);
        return instance == null ? List.of() : instance.recentLog();
    }

    /**
     * Returns the instance name for a package file: its name without the {@code .c4z} or {@code .c4i} extension
     * (both have four characters), so {@code a.c4z} and {@code a.c4i} are the same instance.
     */
    static String instanceName(Path c4z) {
        String fileName = c4z.getFileName().toString();
        return hasPackageExtension(c4z) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    /** Returns the instance of that name when it has started and not failed, for servers declared in Config Admin. */
    public DriverContext runningDriver(String name) {
        DriverInstance instance = instances.get(name);
        return instance != null && instance.info().state() == DriverState.RUNNING ? instance : null;
    }

    /** Returns the folder that contains one sandbox folder per instance name. */
    public Path sandboxRoot() {
        return folders.sandboxFolder("x").getParent();
    }

    // Instances declared in Config Admin: the file deploy/NAME.c4z makes the instance NAME, and further
    // instances of a package come from configurations that name the package file.

    /**
     * Records a deployed package file, makes sure the instance named after it has a configuration, and starts or
     * updates every instance whose configuration names this file.
     */
    private CompletableFuture<Void> installDeclared(Path c4z, InstanceCatalog current) {
        String fileName = c4z.getFileName().toString();
        packageFiles.put(fileName, c4z);
        current.ensureInstance(instanceName(c4z), fileName);

        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (String name : current.instancesOf(fileName)) {
            started.add(startInstance(name, c4z));
        }
        return CompletableFuture.allOf(started.toArray(new CompletableFuture[0]));
    }

    /**
     * Applies a created or changed instance configuration: starts the instance when its package is deployed,
     * restarts it when the configuration names another package. Property values are the catalog's business.
     */
    public synchronized void applyDefinition(String name, String packageFileName) {
        DriverInstance running = instances.get(name);
        if (running != null && running.packageFile().getFileName().toString().equals(packageFileName)) {
            return;
        }
        if (running != null) {
            LOG.info("Driver {}: its configuration now names package {}; restarting", name, packageFileName);
            stopInstance(name);
        }
        Path c4z = packageFiles.get(packageFileName);
        if (c4z == null) {
            LOG.info("Driver {}: waiting for its package {} in the deploy folder", name, packageFileName);
            return;
        }
        startInstance(name, c4z);
    }

    /** Stops the instance whose configuration was deleted. */
    public synchronized void removeDefinition(String name) {
        stopInstance(name);
    }

    DriverInstance instance(String name) {
        return instances.get(name);
    }

    private DriverDescription unpackAndParse(Path c4z, Path staging) throws PackageException, IOException {
        try {
            if (SingleFileDriver.hasExtension(c4z)) {
                singleFileDriver.install(c4z, staging);
            } else {
                unpacker.unpack(c4z, staging);
            }
            return parser.parse(staging);
        } catch (PackageException e) {
            DriverFolders.deleteTree(staging);
            throw e;
        }
    }

    private void reject(String name, Path c4z, String reason) {
        LOG.error("Driver package {} rejected: {}", c4z, reason);
        rejected.put(name, new DriverInfo(name, "", "", c4z, DriverState.FAILED, reason));
    }

    private static void deleteQuietly(Path folder) {
        try {
            DriverFolders.deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("Folder {} could not be deleted: {}", folder, e.getMessage());
        }
    }

    private static void awaitUnloaded(DriverInstance instance) {
        try {
            instance.awaitUnloaded(UNLOAD_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the count of received bytes waiting for a loaded driver, or null when none has that name. */
    InboundBacklog backlog(String instanceName) {
        DriverInstance instance = instances.get(instanceName);
        return instance == null ? null : instance.backlog();
    }

    private static Path dataFolder(RuntimeSettings settings, BundleContext context) {
        if (!settings.dataFolder().isBlank()) {
            return Path.of(settings.dataFolder().trim());
        }
        String karafData = System.getProperty("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Path.of(karafData);
        }
        File bundleData = context.getDataFile("");
        if (bundleData == null) {
            throw new IllegalStateException("no data folder: set dataFolder in configuration org.driverhost.lua");
        }
        return bundleData.toPath();
    }
}
