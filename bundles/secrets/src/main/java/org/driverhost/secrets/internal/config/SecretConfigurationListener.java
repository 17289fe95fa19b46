package org.driverhost.secrets.internal.config;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretProperties;
import org.driverhost.secrets.internal.MasterKeyManager;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts plaintext secrets in Config Admin: at activation for every configuration, and again on each
 * update and whenever a {@link SecretProperties} service appears. The envelope goes back through
 * {@link Configuration#updateIfDifferent}, so FileInstall writes the ciphertext into {@code etc/<pid>.cfg}.
 *
 * <p>Updating from here does not loop: the update fires another event, but then every secret is an envelope
 * already, so nothing changes and nothing is written. All work runs on one thread of its own, in order,
 * never on Config Admin's event thread.
 */
@Component(service = ConfigurationListener.class)
public final class SecretConfigurationListener implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(SecretConfigurationListener.class);

    private final ConfigurationAdmin configurationAdmin;
    private final MasterKeyManager keys;
    private final SecretPropertyRegistry registry;
    private final PlaintextSecrets plaintextSecrets;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "driverhost-secrets"));
    /** PIDs already reported in an ERROR, so that repeated events do not flood the log. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Activate
    public SecretConfigurationListener(@Reference ConfigurationAdmin configurationAdmin, @Reference MasterKeyManager keys,
            @Reference SecretPropertyRegistry registry) {
        this.configurationAdmin = configurationAdmin;
        this.keys = keys;
        this.registry = registry;
        this.plaintextSecrets = new PlaintextSecrets(keys, keys::hasKey);
        submit(this::checkAll);
    }

    /** Checks every configuration again when a bundle declares more secret properties. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSecretProperties(SecretProperties properties) {
        submit(this::checkAll);
    }

    void removeSecretProperties(SecretProperties properties) {
        // Nothing to undo: values encrypted because of that service stay encrypted.
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_UPDATED) {
            String pid = event.getPid();
            submit(() -> checkPid(pid));
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Secret storage is stopping, configuration check skipped");
        }
    }

    private void checkAll() {
        try {
            for (Configuration configuration : EnvelopeScan.all(configurationAdmin)) {
                check(configuration);
            }
        } catch (SecretException e) {
            LOG.error("Cannot check configurations for plaintext secrets: {}", e.getMessage());
        }
    }

    private void checkPid(String pid) {
        try {
            Configuration[] configurations = configurationAdmin.listConfigurations(ConfigurationValues.pidFilter(pid));
            if (configurations != null) {
                for (Configuration configuration : configurations) {
                    check(configuration);
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Cannot read configuration {} to check it for plaintext secrets: {}", pid, e.toString());
        }
    }

    private void check(Configuration configuration) {
        String pid = configuration.getPid();
        keys.updateLock().lock();
        try {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                return;
            }
            SecretProperties rule = registry.ruleFor(pid, configuration.getFactoryPid());
            PlaintextSecrets.Outcome outcome = plaintextSecrets.check(pid, configuration.getFactoryPid(), properties, rule);
            if (outcome.updated() != null && configuration.updateIfDifferent(outcome.updated())) {
                LOG.info("Encrypted secret properties {} of configuration {}", outcome.encrypted(), pid);
            }
            report(pid, outcome);
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot encrypt the secret properties of configuration {}: {}", pid, e.toString());
        } finally {
            keys.updateLock().unlock();
        }
    }

    private void report(String pid, PlaintextSecrets.Outcome outcome) {
        boolean problem = !outcome.undecryptable().isEmpty() || !outcome.plaintextLeft().isEmpty();
        if (!problem) {
            reported.remove(pid);
            return;
        }
        if (!reported.add(pid)) {
            return;
        }
        if (!outcome.undecryptable().isEmpty()) {
            LOG.error("Configuration {} has encrypted properties {} that cannot be decrypted: {}", pid,
                    outcome.undecryptable(), keyProblem());
        }
        if (!outcome.plaintextLeft().isEmpty()) {
            LOG.error("Configuration {} keeps secret properties {} in plaintext because they cannot be encrypted: {}",
                    pid, outcome.plaintextLeft(), outcome.failure());
        }
    }

    private String keyProblem() {
        try {
            return "master key file " + keys.keyFile() + " holds key " + keys.currentKeyId()
                    + ", not the key they were encrypted with; restore the old key file or enter the secrets again";
        } catch (SecretException e) {
            return e.getMessage();
        }
    }
}
