package org.driverhost.secrets.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

/** Helpers for the properties of a configuration as Config Admin returns them. */
public final class ConfigurationValues {

    /** Properties that Config Admin and FileInstall set themselves; they never hold a secret. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private ConfigurationValues() {
    }

    /** Returns the property names that may hold a secret, sorted so reports are stable. */
    public static List<String> candidateKeys(Dictionary<String, Object> properties) {
        List<String> keys = new ArrayList<>();
        for (String key : Collections.list(properties.keys())) {
            if (!BOOKKEEPING.contains(key)) {
                keys.add(key);
            }
        }
        Collections.sort(keys);
        return keys;
    }

    /** Returns a modifiable copy. */
    public static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : Collections.list(properties.keys())) {
            copy.put(key, properties.get(key));
        }
        return copy;
    }

    /** Returns an LDAP filter that matches the configuration with exactly this PID. */
    public static String pidFilter(String pid) {
        StringBuilder filter = new StringBuilder("(" + Constants.SERVICE_PID + "=");
        for (char c : pid.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                filter.append('\\');
            }
            filter.append(c);
        }
        return filter.append(')').toString();
    }
}
