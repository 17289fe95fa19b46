package org.driverhost.lua.internal.config;

/**
 * Keys of the driver instance configurations, factory PID {@value #FACTORY_PID}. A driver property
 * {@code Name} is stored under {@code property.Name}, so property names never clash with the fixed keys.
 */
public final class DriverConfigKeys {

    public static final String FACTORY_PID = "org.driverhost.driver";
    public static final String NAME = "name";
    public static final String PACKAGE = "package";
    public static final String PROPERTY_PREFIX = "property.";

    private DriverConfigKeys() {
    }

    /** Returns the configuration key of a driver property. */
    public static String propertyKey(String property) {
        return PROPERTY_PREFIX + property;
    }

    /** Returns the driver property of a configuration key, or null when the key holds no property. */
    public static String propertyName(String key) {
        return key.startsWith(PROPERTY_PREFIX) && key.length() > PROPERTY_PREFIX.length()
                ? key.substring(PROPERTY_PREFIX.length()) : null;
    }

    /**
     * Returns the instance name for a configuration: its {@code name} property, else the name of a named factory
     * configuration (the part after {@code ~} of {@code org.driverhost.driver~echo-2}, as Karaf makes from
     * {@code etc/org.driverhost.driver-echo-2.cfg}), else null.
     */
    public static String instanceName(String pid, Object nameProperty) {
        if (nameProperty != null && !nameProperty.toString().isBlank()) {
            return nameProperty.toString().trim();
        }
        int tilde = pid.indexOf('~');
        return tilde >= 0 && tilde < pid.length() - 1 ? pid.substring(tilde + 1) : null;
    }
}
