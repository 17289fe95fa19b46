package org.driverhost.lua.internal.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.driverhost.lua.internal.driver.DriverManager;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Re-encrypts the encrypted persisted values of every driver sandbox, running or not, when the master key is
 * rotated, and hands the secrets codec to the drivers' {@code C4:Persist*} functions.
 */
@Component(service = SecretStore.class)
public final class PersistSecretStore implements SecretStore {

    @Reference
    private volatile DriverManager drivers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCodec(SecretCodec codec) {
        SecretCodecs.set(codec);
    }

    void unbindCodec(SecretCodec codec) {
        SecretCodecs.clear(codec);
    }

    @Override
    public String name() {
        return "drivers' persisted values";
    }

    @Override
    public int reencrypt(SecretCodec codec) throws SecretException {
        int changed = 0;
        for (Path sandbox : sandboxes(drivers.sandboxRoot())) {
            PersistStore store = new PersistStore(sandbox, () -> codec);
            try {
                changed += store.reencrypt(codec);
            } catch (PersistException e) {
                throw new SecretException("the persisted values " + store.file() + " could not be re-encrypted: "
                        + e.getMessage(), e);
            }
        }
        return changed;
    }

    private static List<Path> sandboxes(Path root) throws SecretException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve(PersistFile.FILE_NAME))).toList();
        } catch (IOException e) {
            throw new SecretException("the driver sandboxes under " + root + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
