package org.driverhost.secrets.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.crypto.Envelope;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Lists the configurations in Config Admin that hold envelopes. */
public final class EnvelopeScan {

    private EnvelopeScan() {
    }

    /**
     * Returns, for each PID that contains at least one envelope, the names of those properties, sorted by PID.
     *
     * @throws SecretException if Config Admin cannot be read
     */
    public static Map<String, List<String>> pidsWithEnvelopes(ConfigurationAdmin configurationAdmin) throws SecretException {
        Map<String, List<String>> holders = new TreeMap<>();
        for (Configuration configuration : all(configurationAdmin)) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (String key : ConfigurationValues.candidateKeys(properties)) {
                if (PlaintextSecrets.strings(properties.get(key)).stream().anyMatch(Envelope::isEnvelope)) {
                    keys.add(key);
                }
            }
            if (!keys.isEmpty()) {
                holders.put(configuration.getPid(), keys);
            }
        }
        return holders;
    }

    /** Returns every configuration that has properties. */
    public static Configuration[] all(ConfigurationAdmin configurationAdmin) throws SecretException {
        try {
            Configuration[] configurations = configurationAdmin.listConfigurations(null);
            return configurations != null ? configurations : new Configuration[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new SecretException("cannot list the configurations in Config Admin: " + e, e);
        }
    }
}
