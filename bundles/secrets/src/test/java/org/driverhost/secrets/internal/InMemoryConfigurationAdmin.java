package org.driverhost.secrets.internal;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A Config Admin double that lists fixed configurations, for the master key start-up checks; Felix Config
 * Admin itself needs a framework and is covered by the Pax Exam tests.
 */
final class InMemoryConfigurationAdmin {

    private final Map<String, Dictionary<String, Object>> configurations = new LinkedHashMap<>();

    /** Adds a configuration with one property. */
    InMemoryConfigurationAdmin with(String pid, String key, String value) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", pid);
        properties.put(key, value);
        configurations.put(pid, properties);
        return this;
    }

    /** Returns the double; only {@code listConfigurations} and the read methods of its configurations work. */
    ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (configurations.isEmpty()) {
                        return null;
                    }
                    return configurations.entrySet().stream()
                            .map(entry -> configuration(entry.getKey(), entry.getValue()))
                            .toArray(Configuration[]::new);
                });
    }

    private Configuration configuration(String pid, Dictionary<String, Object> properties) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getFactoryPid" -> null;
                    case "getProperties" -> properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
