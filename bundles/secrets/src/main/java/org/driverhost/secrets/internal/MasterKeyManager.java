package org.driverhost.secrets.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.config.EnvelopeScan;
import org.driverhost.secrets.internal.crypto.KeyRingCodec;
import org.driverhost.secrets.internal.key.KeyRing;
import org.driverhost.secrets.internal.key.MasterKey;
import org.driverhost.secrets.internal.key.MasterKeyFiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the master key at activation (or makes the first one), offers the {@link SecretCodec} service, and
 * switches keys during a rotation.
 *
 * <p>A missing key file is created only when no configuration holds an envelope yet: otherwise a new key
 * would silently turn every stored password into garbage. A missing or corrupted key file leaves the
 * service registered but unavailable, so that every caller gets an error naming the key file, and the
 * configuration listener reports each affected PID.
 */
@Component(service = {SecretCodec.class, MasterKeyManager.class}, configurationPid = MasterKeyManager.PID)
@Designate(ocd = SecretsConfiguration.class)
public final class MasterKeyManager implements SecretCodec {

    /** PID of the settings. */
    public static final String PID = "org.driverhost.secrets";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyManager.class);

    private final MasterKeyFiles files;
    private final KeyRingCodec codec;
    private final ReentrantLock updateLock = new ReentrantLock();

    @Activate
    public MasterKeyManager(BundleContext context, SecretsConfiguration configuration,
            @Reference ConfigurationAdmin configurationAdmin) {
        SecureRandom random = new SecureRandom();
        this.files = new MasterKeyFiles(resolve(context, configuration.keyFile()), random);
        this.codec = new KeyRingCodec(random);
        load(configurationAdmin);
    }

    private static Path resolve(BundleContext context, String keyFile) {
        Path path = Path.of(keyFile);
        if (path.isAbsolute()) {
            return path;
        }
        String base = context.getProperty("karaf.base");
        return Path.of(base != null ? base : ".").resolve(path);
    }

    private void load(ConfigurationAdmin configurationAdmin) {
        try {
            Optional<KeyRing> keys = files.load();
            if (keys.isPresent()) {
                codec.use(keys.get());
                LOG.info("Loaded master key {} from {}", keys.get().encryptionKey().id(), files.keyFile());
                warnIfRotationUnfinished(keys.get());
            } else {
                createFirstKey(configurationAdmin);
            }
        } catch (SecretException e) {
            codec.makeUnavailable(e.getMessage());
            LOG.error("Secret storage is unavailable, configurations with encrypted values cannot be decrypted: {}",
                    e.getMessage());
        }
    }

    // NOTE: only Config Admin is searched for envelopes here. SecretStore services may register later, so
    // envelopes that only a store contains do not stop a new key; they then fail to decrypt, naming their key id.
    private void createFirstKey(ConfigurationAdmin configurationAdmin) throws SecretException {
        Map<String, ?> holders = EnvelopeScan.pidsWithEnvelopes(configurationAdmin);
        if (!holders.isEmpty()) {
            throw new SecretException("master key file " + files.keyFile() + " is missing, but configurations "
                    + holders.keySet() + " hold values encrypted with it. Restore the key file from a backup, or"
                    + " set keyFile in " + PID + " to where it is; DriverHost does not make a new key while"
                    + " encrypted values exist");
        }
        KeyRing keys = files.createFirst();
        codec.use(keys);
        LOG.info("Created master key {} in {} (owner-only); back it up apart from etc/", keys.encryptionKey().id(),
                files.keyFile());
    }

    private void warnIfRotationUnfinished(KeyRing keys) {
        if (keys.keyIds().size() > 1) {
            LOG.warn("A key rotation was interrupted: {} exists beside {}. Both keys decrypt;"
                    + " run driverhost:rotate-key to finish it", files.nextKeyFile(), files.keyFile());
        }
    }

    /** Returns the master key file. */
    public Path keyFile() {
        return files.keyFile();
    }

    /** Returns whether the key with that id is loaded. */
    public boolean hasKey(String keyId) {
        return codec.hasKey(keyId);
    }

    /**
     * Returns the lock that anything re-writing secrets in Config Admin holds, so that no value is encrypted
     * with the old key after the rotation has passed over its configuration.
     */
    public ReentrantLock updateLock() {
        return updateLock;
    }

    /**
     * Starts a rotation: writes the next key beside the current one (or reuses the one of an interrupted
     * rotation) and encrypts with it from now on, while both keys decrypt.
     */
    public MasterKey beginRotation() throws SecretException {
        MasterKey current = codec.keyRing().encryptionKey();
        MasterKey next = files.createNext();
        codec.use(KeyRing.of(next, current));
        LOG.info("Key rotation started: new master key {} written to {}", next.id(), files.nextKeyFile());
        return next;
    }

    /** Finishes a rotation: the next key replaces the old one on disk and in memory. */
    public void finishRotation(MasterKey next, String retiredKeyId) throws SecretException {
        files.promoteNext();
        codec.use(KeyRing.of(next));
        LOG.info("Key rotation finished: master key {} in {}, key {} retired", next.id(), files.keyFile(), retiredKeyId);
    }

    @Override
    public String encrypt(char[] plaintext) throws SecretException {
        return codec.encrypt(plaintext);
    }

    @Override
    public boolean isEncrypted(String value) {
        return codec.isEncrypted(value);
    }

    @Override
    public char[] decrypt(String envelope) throws SecretException {
        return codec.decrypt(envelope);
    }

    @Override
    public String currentKeyId() throws SecretException {
        return codec.currentKeyId();
    }

    @Override
    public String keyIdOf(String envelope) throws SecretException {
        return codec.keyIdOf(envelope);
    }

    @Override
    public String toString() {
        return "MasterKeyManager[" + files.keyFile() + ", " + codec + "]";
    }
}
