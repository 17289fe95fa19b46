package org.driverhost.lua.internal.declared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.driverhost.lua.internal.c4.C4Library;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.lua.internal.driver.DriverManager;
import org.driverhost.lua.internal.persist.SecretCodecs;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretProperties;
import org.driverhost.tls.ConnectionInfo;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerListener;
import org.driverhost.tls.ServerService;
import org.driverhost.tls.ServerSpec;
import org.luaj.vm2.LuaValue;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the TLS servers declared as configurations of factory PID {@value #FACTORY_PID}. Creating one starts the
 * server once its driver instance runs; changing the credentials or TLS parameters applies them to new
 * handshakes without closing established connections; changing the port, delimiter, bind address, identifier
 * or driver restarts the server; deleting it stops the server, and the driver sees {@code OFFLINE}.
 *
 * <p>The servers belong to their driver, so they stop with it (update, removal, {@code C4:DestroyServer()}) and
 * start again once it runs. Every change runs on one worker thread, and an invalid configuration only
 * affects its own server; its status is shown by {@code driverhost:servers}.
 */
@Component(service = {ManagedServiceFactory.class, SecretProperties.class, DeclaredServers.class},
        property = Constants.SERVICE_PID + "=" + DeclaredServers.FACTORY_PID,
        configurationPid = DeclaredServers.FACTORY_PID, configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = TlsServerSettings.class, factory = true)
public final class DeclaredServers implements ManagedServiceFactory, SecretProperties {

    public static final String FACTORY_PID = "org.driverhost.tls.server";
    private static final Logger LOG = LoggerFactory.getLogger(DeclaredServers.class);
    private static final long RETRY_SECONDS = 1;
    private static final long STOP_TIMEOUT_SECONDS = 10;

    /** State of one declared server configuration, as {@code driverhost:servers} lists it. */
    public record Status(String pid, String driver, int port, String state) {
    }

    private final ServerService service;
    private final DriverManager drivers;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "driverhost-declared-servers");
        thread.setDaemon(true);
        return thread;
    });

    // Confined to the worker thread, except the status map that the shell command reads.
    private final Map<String, Declared> declared = new TreeMap<>();
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    /** One configuration and the server running from it, if any. */
    private static final class Declared {
        DeclaredSpec spec;
        Running running;
    }

    /** A started server: its spec and the listener that reports when it went offline. */
    private record Running(DeclaredSpec spec, int port, OfflineWatch watch) {
    }

    @Activate
    public DeclaredServers(@Reference ServerService service, @Reference DriverManager drivers) {
        this.service = service;
        this.drivers = drivers;
        worker.scheduleWithFixedDelay(this::startWaiting, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        worker.execute(() -> {
            for (String pid : List.copyOf(declared.keySet())) {
                stop(pid, declared.remove(pid));
            }
        });
        worker.shutdown();
        try {
            worker.awaitTermination(STOP_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String getName() {
        return "DriverHost declared TLS servers";
    }

    @Override
    public boolean isSecret(String pid, String factoryPid, String key) {
        return FACTORY_PID.equals(factoryPid) && "password".equals(key);
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        worker.execute(() -> apply(pid, properties));
    }

    @Override
    public void deleted(String pid) {
        worker.execute(() -> {
            Declared removed = declared.remove(pid);
            statuses.remove(pid);
            if (removed != null) {
                LOG.info("Declared server {}: configuration deleted; stopping {}", pid, removed.spec);
                stop(pid, removed);
            }
        });
    }

    /** Returns the status of every declared server, by PID. */
    public List<Status> statuses() {
        return new ArrayList<>(new TreeMap<>(statuses).values());
    }

    private void apply(String pid, Dictionary<String, ?> properties) {
        Declared entry = declared.computeIfAbsent(pid, key -> new Declared());
        DeclaredSpec spec;
        try {
            spec = DeclaredSpec.parse(properties);
        } catch (InvalidSpecException e) {
            String kept = entry.running != null ? "; the server keeps running with its previous settings" : "";
            report(pid, entry.spec, "invalid: " + e.getMessage() + kept);
            LOG.error("Declared server {}: invalid configuration: {}{}", pid, e.getMessage(), kept);
            return;
        }
        if (spec.equals(entry.spec) && entry.running != null) {
            // The secrets bundle rewrote the password as an envelope, or nothing relevant changed.
            entry.spec = spec;
            return;
        }
        entry.spec = spec;
        if (entry.running != null && entry.running.spec().sameEndpoint(spec)) {
            replaceCredentials(pid, entry, spec);
            return;
        }
        if (entry.running != null) {
            stop(pid, entry);
        }
        start(pid, entry);
    }

    private void startWaiting() {
        for (Map.Entry<String, Declared> entry : declared.entrySet()) {
            Declared server = entry.getValue();
            if (server.running != null && server.running.watch().isOffline()) {
                // The driver stopped it: update, removal or C4:DestroyServer.
                server.running = null;
            }
            if (server.running == null && server.spec != null) {
                start(entry.getKey(), server);
            }
        }
    }

    private void start(String pid, Declared entry) {
        DeclaredSpec spec = entry.spec;
        DriverContext driver = drivers.runningDriver(spec.driver());
        if (driver == null) {
            report(pid, spec, "waiting for driver " + spec.driver() + " to run");
            return;
        }
        try {
            OfflineWatch watch = new OfflineWatch(C4Library.serverEvents(driver, identifier(spec)));
            int port = service.start(serverSpec(spec, driver), watch).port();
            entry.running = new Running(spec, port, watch);
            report(pid, spec, "running");
            LOG.info("Declared server {}: {} started", pid, spec);
        } catch (ServerException | SecretException e) {
            String previous = statuses.containsKey(pid) ? statuses.get(pid).state() : "";
            String state = "failed: " + e.getMessage();
            report(pid, spec, state);
            if (!state.equals(previous)) {
                // Retried every second while the driver runs; logged once per message.
                LOG.error("Declared server {}: {} could not start: {}", pid, spec, e.getMessage());
            }
        }
    }

    private void replaceCredentials(String pid, Declared entry, DeclaredSpec spec) {
        DriverContext driver = drivers.runningDriver(spec.driver());
        if (driver == null) {
            return;
        }
        try {
            service.update(serverSpec(spec, driver));
            entry.running = new Running(spec, entry.running.port(), entry.running.watch());
            report(pid, spec, "running");
            LOG.info("Declared server {}: {} takes its new TLS settings for new connections", pid, spec);
        } catch (ServerException | SecretException e) {
            report(pid, spec, "change rejected, the server keeps its previous TLS settings: " + e.getMessage());
            LOG.error("Declared server {}: change rejected, {} keeps its previous TLS settings: {}", pid,
                    entry.running.spec(), e.getMessage());
        }
    }

    private void stop(String pid, Declared entry) {
        if (entry == null || entry.running == null) {
            return;
        }
        Running running = entry.running;
        entry.running = null;
        if (service.destroy(running.spec().driver(), running.port())) {
            try {
                if (!running.watch().awaitOffline(STOP_TIMEOUT_SECONDS)) {
                    LOG.warn("Declared server {}: port {} did not close within {} s", pid, running.port(),
                            STOP_TIMEOUT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("Declared server {}: {} stopped", pid, running.spec());
    }

    /** Decrypts the password only now, seals it at once and zeroes the plaintext. */
    private static ServerSpec serverSpec(DeclaredSpec spec, DriverContext driver) throws SecretException {
        char[] clear = decryptPassword(spec.passwordValue());
        try {
            return spec.toServerSpec(driver.fileRoots(), SealedPassword.seal(clear));
        } finally {
            Arrays.fill(clear, '\0');
        }
    }

    private static char[] decryptPassword(String value) throws SecretException {
        if (value.isEmpty()) {
            return new char[0];
        }
        SecretCodec codec = SecretCodecs.current();
        if (codec != null && codec.isEncrypted(value)) {
            return codec.decrypt(value);
        }
        if (codec == null && value.startsWith("{aes256gcm:")) {
            throw new SecretException("invalid password: it is encrypted, but the DriverHost secrets service is "
                    + "not running to decrypt it");
        }
        // A plaintext that the secrets bundle has not encrypted yet; it rewrites the configuration shortly.
        return value.toCharArray();
    }

    private static LuaValue identifier(DeclaredSpec spec) {
        return spec.identifier().isEmpty() ? LuaValue.NIL : LuaValue.valueOf(spec.identifier());
    }

    private void report(String pid, DeclaredSpec spec, String state) {
        statuses.put(pid, new Status(pid, spec == null ? "" : spec.driver(), spec == null ? 0 : spec.port(), state));
    }

    /** Forwards a server's events to the driver and records when the server went offline. */
    private static final class OfflineWatch implements ServerListener {

        private final ServerListener driver;
        private final CountDownLatch offline = new CountDownLatch(1);

        OfflineWatch(ServerListener driver) {
            this.driver = driver;
        }

        boolean isOffline() {
            return offline.getCount() == 0;
        }

        boolean awaitOffline(long seconds) throws InterruptedException {
            return offline.await(seconds, TimeUnit.SECONDS);
        }

        @Override
        public void serverOnline(int port) {
            driver.serverOnline(port);
        }

        @Override
        public void serverOffline(int port) {
            driver.serverOffline(port);
            offline.countDown();
        }

        @Override
        public void connectionOnline(ConnectionInfo connection) {
            driver.connectionOnline(connection);
        }

        @Override
        public void connectionOffline(ConnectionInfo connection) {
            driver.connectionOffline(connection);
        }

        @Override
        public void dataReceived(ConnectionInfo connection, byte[] data) {
            driver.dataReceived(connection, data);
        }
    }
}
