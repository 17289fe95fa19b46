package org.driverhost.secrets.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretProperties;
import org.driverhost.secrets.internal.MasterKeyManager;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Lists the secrets in Config Admin and whether each one decrypts, for {@code driverhost:secrets-status}. */
@Component(service = SecretInventory.class)
public final class SecretInventory {

    private final ConfigurationAdmin configurationAdmin;
    private final MasterKeyManager keys;
    private final SecretPropertyRegistry registry;

    @Activate
    public SecretInventory(@Reference ConfigurationAdmin configurationAdmin, @Reference MasterKeyManager keys,
            @Reference SecretPropertyRegistry registry) {
        this.configurationAdmin = configurationAdmin;
        this.keys = keys;
        this.registry = registry;
    }

    /** Returns one entry per secret property and per envelope, sorted by PID and property. */
    public List<SecretStatus> status() throws SecretException {
        List<SecretStatus> entries = new ArrayList<>();
        for (Configuration configuration : EnvelopeScan.all(configurationAdmin)) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            String pid = configuration.getPid();
            SecretProperties rule = registry.ruleFor(pid, configuration.getFactoryPid());
            for (String key : ConfigurationValues.candidateKeys(properties)) {
                for (String value : PlaintextSecrets.strings(properties.get(key))) {
                    if (keys.isEncrypted(value)) {
                        entries.add(statusOf(pid, key, value));
                    } else if (!value.isEmpty() && rule.isSecret(pid, configuration.getFactoryPid(), key)) {
                        entries.add(new SecretStatus(pid, key, "-", false, "plaintext, not encrypted yet"));
                    }
                }
            }
        }
        entries.sort((a, b) -> (a.pid() + '\0' + a.property()).compareTo(b.pid() + '\0' + b.property()));
        return entries;
    }

    private SecretStatus statusOf(String pid, String key, String envelope) {
        String keyId;
        try {
            keyId = keys.keyIdOf(envelope);
        } catch (SecretException e) {
            return new SecretStatus(pid, key, "?", false, e.getMessage());
        }
        try {
            char[] plaintext = keys.decrypt(envelope);
            Arrays.fill(plaintext, '\0');
            String current = keys.currentKeyId();
            return new SecretStatus(pid, key, keyId, keyId.equals(current),
                    keyId.equals(current) ? "decrypts with the current key" : "decrypts with the other key of an unfinished rotation");
        } catch (SecretException e) {
            return new SecretStatus(pid, key, keyId, false, e.getMessage());
        }
    }

    /**
     * The state of one stored secret, without its value.
     *
     * @param pid the configuration
     * @param property the property name
     * @param keyId the key id of the envelope, {@code -} for plaintext, {@code ?} for a broken header
     * @param current whether it decrypts with the current master key
     * @param detail what was found, in words
     */
    public record SecretStatus(String pid, String property, String keyId, boolean current, String detail) {
    }
}
