package org.driverhost.lua.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.driverhost.lua.internal.c4.DriverContext;
import org.driverhost.lua.internal.persist.SecretCodecs;
import org.driverhost.secrets.SecretProperties;
import org.luaj.vm2.Globals;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
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
 * Keeps driver instances in step with the configurations of factory PID {@value DriverConfigKeys#FACTORY_PID}:
 * one configuration per instance, created when {@code deploy/NAME.c4z} appears without one, with the driver's
 * property values under {@code property.<Name>}. Deleting a configuration stops its instance; a new configuration
 * with another name and the same package starts one more instance of that package.
 *
 * <p>Password properties of a package ({@code <password>true</password>} or type {@code PASSWORD}) are declared
 * to the secrets bundle through a {@link SecretProperties} service, which it encrypts in the configuration.
 */
@Component(service = {ManagedServiceFactory.class, InstanceCatalog.class},
        property = Constants.SERVICE_PID + "=" + DriverConfigKeys.FACTORY_PID,
        configurationPid = DriverConfigKeys.FACTORY_PID, configurationPolicy = ConfigurationPolicy.IGNORE)
@Designate(ocd = DriverInstanceSettings.class, factory = true)
public final class DriverConfigurations implements ManagedServiceFactory, InstanceCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DriverConfigurations.class);

    /** One instance configuration as last seen. */
    private record Definition(String pid, String name, String packageFile, Map<String, String> values) {
    }

    private final ConfigurationAdmin configurations;
    private final BundleContext context;
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
    private final Map<String, PropertyBinding> bindings = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> secretKeys = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "driverhost-driver-config-writer");
        thread.setDaemon(true);
        return thread;
    });
    private ServiceRegistration<SecretProperties> secretRegistration;

    private volatile InstanceListener drivers;

    @Activate
    public DriverConfigurations(@Reference ConfigurationAdmin configurations, BundleContext context) {
        this.configurations = configurations;
        this.context = context;
    }

    @Deactivate
    void deactivate() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (secretRegistration != null) {
                secretRegistration.unregister();
                secretRegistration = null;
            }
        }
    }

    @Override
    public String getName() {
        return "DriverHost driver instances";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        Definition definition = record(pid, properties);
        if (definition == null) {
            return;
        }
        PropertyBinding binding = bindings.get(definition.name());
        if (binding != null) {
            binding.apply(definition.values());
        }
        InstanceListener manager = drivers;
        if (manager != null) {
            manager.definitionChanged(definition.name(), definition.packageFile());
        }
    }

    @Override
    public void deleted(String pid) {
        Definition definition = definitions.remove(pid);
        secretKeys.remove(pid);
        if (definition == null) {
            return;
        }
        LOG.info("Driver {}: configuration {} deleted; stopping the instance", definition.name(), pid);
        bindings.remove(definition.name());
        InstanceListener manager = drivers;
        if (manager != null) {
            manager.definitionRemoved(definition.name());
        }
    }

    @Override
    public void ensureInstance(String name, String packageFileName) {
        if (findByName(name) != null) {
            return;
        }
        try {
            Configuration[] existing = configurations.listConfigurations(
                    "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + DriverConfigKeys.FACTORY_PID + ")");
            for (Configuration configuration : existing == null ? new Configuration[0] : existing) {
                Definition definition = record(configuration.getPid(), configuration.getProperties());
                if (definition != null && definition.name().equals(name)) {
                    return;
                }
            }
            Configuration created = configurations.getFactoryConfiguration(DriverConfigKeys.FACTORY_PID, name, "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(DriverConfigKeys.NAME, name);
            properties.put(DriverConfigKeys.PACKAGE, packageFileName);
            definitions.put(created.getPid(), new Definition(created.getPid(), name, packageFileName, Map.of()));
            created.update(properties);
            LOG.info("Driver {}: configuration {} created for package {}", name, created.getPid(), packageFileName);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Driver {}: its configuration could not be created; it runs with the defaults of {}: {}", name,
                    packageFileName, e.getMessage());
        }
    }

    @Override
    public void listen(InstanceListener listener) {
        this.drivers = listener;
    }

    @Override
    public List<String> instancesOf(String packageFileName) {
        List<String> names = new ArrayList<>();
        for (Definition definition : definitions.values()) {
            if (definition.packageFile().equals(packageFileName)) {
                names.add(definition.name());
            }
        }
        return names;
    }

    @Override
    public void attach(String name, DriverContext driver, Globals globals) {
        Definition definition = findByName(name);
        // NOTE: password properties are known once the instance's package is unpacked, so a plaintext that an
        // operator writes for an instance that has not started yet stays in its .cfg file until the instance starts.
        Set<String> secrets = PasswordProperties.of(driver.fileRoots().get(0));
        String pid = definition == null ? null : definition.pid();
        if (pid != null) {
            declareSecrets(pid, secrets);
        }
        PropertyBinding binding = new PropertyBinding(driver, globals, secrets, SecretCodecs::current,
                (property, value) -> writeLater(pid, name, property, value));
        bindings.put(name, binding);
        binding.load(definition == null ? Map.of() : definition.values());
    }

    private Definition record(String pid, Dictionary<String, ?> properties) {
        if (properties == null) {
            return null;
        }
        String name = DriverConfigKeys.instanceName(pid, properties.get(DriverConfigKeys.NAME));
        Object packageFile = properties.get(DriverConfigKeys.PACKAGE);
        if (name == null || packageFile == null || packageFile.toString().isBlank()) {
            LOG.error("Driver configuration {} ignored: it needs {} (the package file name, for example "
                    + "tls-echo.c4z) and {} (the instance name)", pid, DriverConfigKeys.PACKAGE, DriverConfigKeys.NAME);
            return null;
        }
        Definition other = findByName(name);
        if (other != null && !other.pid().equals(pid)) {
            LOG.error("Driver configuration {} ignored: invalid name {}: configuration {} already declares an "
                    + "instance of that name; choose another name", pid, name, other.pid());
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            String property = DriverConfigKeys.propertyName(key);
            if (property != null && properties.get(key) != null) {
                values.put(property, properties.get(key).toString());
            }
        }
        Definition definition = new Definition(pid, name, packageFile.toString().trim(), Map.copyOf(values));
        definitions.put(pid, definition);
        return definition;
    }

    private Definition findByName(String name) {
        for (Definition definition : definitions.values()) {
            if (definition.name().equals(name)) {
                return definition;
            }
        }
        return null;
    }

    private void writeLater(String pid, String name, String property, String value) {
        if (pid == null) {
            return;
        }
        writer.execute(() -> {
            try {
                Configuration[] found = configurations.listConfigurations(
                        "(" + Constants.SERVICE_PID + "=" + pid + ")");
                if (found == null) {
                    return;
                }
                Dictionary<String, Object> properties = found[0].getProperties();
                properties.put(DriverConfigKeys.propertyKey(property), value);
                found[0].updateIfDifferent(properties);
            } catch (IOException | InvalidSyntaxException | RuntimeException e) {
                LOG.error("Driver {}: property {} could not be written to configuration {}: {}", name, property, pid,
                        e.getMessage());
            }
        });
    }

    /**
     * Declares the secret keys of one configuration. A new {@link SecretProperties} registration replaces the
     * old one whenever the set grows, because the secrets bundle checks existing configurations again only when a
     * service appears.
     */
    private synchronized void declareSecrets(String pid, Set<String> properties) {
        Set<String> keys = Set.copyOf(properties.stream().map(DriverConfigKeys::propertyKey).toList());
        Set<String> previous = secretKeys.put(pid, keys);
        if (keys.equals(previous) || (previous == null && keys.isEmpty())) {
            return;
        }
        if (secretRegistration != null) {
            secretRegistration.unregister();
        }
        SecretProperties declared = (configurationPid, factoryPid, key) ->
                DriverConfigKeys.FACTORY_PID.equals(factoryPid)
                        && secretKeys.getOrDefault(configurationPid, Set.of()).contains(key);
        secretRegistration = context.registerService(SecretProperties.class, declared, new Hashtable<>());
    }
}
