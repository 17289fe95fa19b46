package org.driverhost.secrets.internal.rotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretStore;
import org.driverhost.secrets.internal.MasterKeyManager;
import org.driverhost.secrets.internal.config.EnvelopeScan;
import org.driverhost.secrets.internal.key.MasterKey;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the master key: new key beside the old one, every envelope in Config Admin and in each
 * {@link SecretStore} re-encrypted, then the old key retired. If any step fails, both keys stay on disk
 * and decrypt, and the next rotation reuses the new key.
 */
@Component(service = KeyRotator.class)
public final class KeyRotator {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotator.class);
    private static final long WRITE_BACK_TIMEOUT_MILLIS = 10_000;

    private final ConfigurationAdmin configurationAdmin;
    private final MasterKeyManager keys;
    private final List<SecretStore> stores = new CopyOnWriteArrayList<>();

    @Activate
    public KeyRotator(@Reference ConfigurationAdmin configurationAdmin, @Reference MasterKeyManager keys) {
        this.configurationAdmin = configurationAdmin;
        this.keys = keys;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSecretStore(SecretStore store) {
        stores.add(store);
    }

    void removeSecretStore(SecretStore store) {
        stores.remove(store);
    }

    /**
     * Rotates the master key.
     *
     * @throws SecretException if the master key is unavailable or the new key cannot be written
     * @throws InterruptedException if interrupted while waiting for FileInstall; both keys then stay
     */
    public RotationReport rotate() throws SecretException, InterruptedException {
        keys.updateLock().lock();
        try {
            String oldKeyId = keys.currentKeyId();
            MasterKey next = keys.beginRotation();

            List<String> skipped = new ArrayList<>();
            WriteBackWait writeBack = new WriteBackWait();
            Map<String, Integer> byPid = reencryptConfigurations(next.id(), skipped, writeBack);
            Map<String, Integer> byStore = new TreeMap<>();
            String problem = reencryptStores(byStore);
            if (problem == null) {
                problem = awaitWriteBack(writeBack, oldKeyId);
            }
            if (problem != null) {
                LOG.error("Key rotation to {} did not finish, old key {} kept: {}", next.id(), oldKeyId, problem);
                return new RotationReport(oldKeyId, next.id(), false, byPid, byStore, skipped, problem);
            }

            keys.finishRotation(next, oldKeyId);
            return new RotationReport(oldKeyId, next.id(), true, byPid, byStore, skipped, null);
        } finally {
            keys.updateLock().unlock();
        }
    }

    private Map<String, Integer> reencryptConfigurations(String newKeyId, List<String> skipped, WriteBackWait writeBack)
            throws SecretException {
        ConfigurationReencryption reencryption = new ConfigurationReencryption(keys, newKeyId);
        Map<String, Integer> byPid = new TreeMap<>();
        for (Configuration configuration : EnvelopeScan.all(configurationAdmin)) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            String pid = configuration.getPid();
            ConfigurationReencryption.Result result = reencryption.reencrypt(pid, properties, skipped);
            if (result.updated() == null) {
                continue;
            }
            try {
                configuration.updateIfDifferent(result.updated());
            } catch (IOException e) {
                throw new SecretException("cannot store the re-encrypted configuration " + pid + ": " + e, e);
            }
            byPid.put(pid, result.count());
            writeBack.add(properties.get(WriteBackWait.FILENAME_PROPERTY));
            LOG.info("Re-encrypted {} values of configuration {} with key {}", result.count(), pid, newKeyId);
        }
        return byPid;
    }

    private String reencryptStores(Map<String, Integer> byStore) {
        for (SecretStore store : stores) {
            try {
                int count = store.reencrypt(keys);
                byStore.put(store.name(), count);
                LOG.info("Re-encrypted {} values of secret store {}", count, store.name());
            } catch (SecretException | RuntimeException e) {
                return "secret store " + store.name() + " failed: " + e.getMessage();
            }
        }
        return null;
    }

    private String awaitWriteBack(WriteBackWait writeBack, String oldKeyId) throws InterruptedException {
        List<Path> pending = writeBack.await(oldKeyId, WRITE_BACK_TIMEOUT_MILLIS);
        if (pending.isEmpty()) {
            return null;
        }
        return "files " + pending + " still hold values of the old key after " + WRITE_BACK_TIMEOUT_MILLIS
                + " ms; check that FileInstall can write to etc/ and run driverhost:rotate-key again";
    }
}
