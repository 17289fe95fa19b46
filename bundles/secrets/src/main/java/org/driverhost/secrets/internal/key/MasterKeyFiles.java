package org.driverhost.secrets.internal.key;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.driverhost.secrets.SecretException;

/**
 * The master key file and, during a rotation, the next key file beside it ({@code <name>.next}).
 *
 * <p>Rotation order, chosen so that a crash at any step leaves every stored envelope decryptable:
 * {@link #createNext} writes the new key beside the old one, the caller re-encrypts every value, and
 * {@link #promoteNext} renames the next key over the old one in one atomic step. At start, a left-over next
 * file means a rotation was interrupted: both keys are loaded, and the next rotation reuses that key.
 */
public final class MasterKeyFiles {

    private final Path keyFile;
    private final Path nextKeyFile;
    private final SecureRandom random;

    public MasterKeyFiles(Path keyFile, SecureRandom random) {
        this.keyFile = keyFile.toAbsolutePath().normalize();
        this.nextKeyFile = this.keyFile.resolveSibling(this.keyFile.getFileName() + ".next");
        this.random = random;
    }

    /** Returns the master key file. */
    public Path keyFile() {
        return keyFile;
    }

    /** Returns the file that contains the next key during a rotation. */
    public Path nextKeyFile() {
        return nextKeyFile;
    }

    /**
     * Loads the master key, and the next key of an interrupted rotation if there is one.
     *
     * @return the keys, or empty if the master key file does not exist (and no next key does either)
     * @throws SecretException if a key file is unreadable or corrupted, or only the next key file exists
     */
    public Optional<KeyRing> load() throws SecretException {
        Optional<MasterKey> current = readIfPresent(keyFile);
        Optional<MasterKey> next = readIfPresent(nextKeyFile);
        if (current.isEmpty()) {
            if (next.isPresent()) {
                throw new SecretException("master key file " + keyFile + " is missing but " + nextKeyFile
                        + " exists; restore the master key file from a backup, or rename " + nextKeyFile + " to "
                        + keyFile + " if every value was already re-encrypted with key " + next.get().id());
            }
            return Optional.empty();
        }
        if (next.isPresent()) {
            return Optional.of(KeyRing.of(current.get(), next.get()));
        }
        return Optional.of(KeyRing.of(current.get()));
    }

    /**
     * Makes the first master key. Never overwrites an existing key file.
     *
     * @throws SecretException if the key file exists already or cannot be written
     */
    public KeyRing createFirst() throws SecretException {
        MasterKey key = MasterKey.generate(random);
        try {
            KeyFile.create(keyFile, key);
        } catch (FileAlreadyExistsException e) {
            throw new SecretException("master key file " + keyFile + " appeared while DriverHost was creating it;"
                    + " it was left as it is", e);
        } catch (IOException e) {
            throw new SecretException("cannot create master key file " + keyFile + ": " + e, e);
        }
        return KeyRing.of(key);
    }

    /**
     * Returns the next key of an interrupted rotation, or writes a new one beside the master key file.
     *
     * @throws SecretException if the next key file is corrupted or cannot be written
     */
    public MasterKey createNext() throws SecretException {
        Optional<MasterKey> left = readIfPresent(nextKeyFile);
        if (left.isPresent()) {
            return left.get();
        }
        MasterKey next = MasterKey.generate(random);
        try {
            KeyFile.create(nextKeyFile, next);
        } catch (IOException e) {
            throw new SecretException("cannot write the next master key file " + nextKeyFile + ": " + e, e);
        }
        return next;
    }

    /**
     * Replaces the master key file with the next key file, which retires the old key.
     *
     * @throws SecretException if the rename fails; both files then stay, so nothing is lost
     */
    public void promoteNext() throws SecretException {
        if (!Files.exists(nextKeyFile)) {
            throw new SecretException("cannot finish the key rotation: next master key file " + nextKeyFile + " is missing");
        }
        try {
            KeyFile.replace(nextKeyFile, keyFile);
        } catch (IOException e) {
            throw new SecretException("cannot rename " + nextKeyFile + " to " + keyFile + ": " + e
                    + "; both keys stay and are loaded at the next start", e);
        }
    }

    private static Optional<MasterKey> readIfPresent(Path file) throws SecretException {
        try {
            return Optional.of(KeyFile.read(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
