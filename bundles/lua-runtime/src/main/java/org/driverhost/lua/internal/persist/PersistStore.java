package org.driverhost.lua.internal.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.luaj.vm2.LuaValue;

/**
 * The persisted values of one driver instance, in {@link PersistFile#FILE_NAME} of its sandbox folder.
 *
 * <p>Every call reads the file and, for changes, writes it again under a lock per file, so the driver's thread and
 * a key rotation never overwrite each other's changes. Values stored with {@code encrypted = true} are written
 * only as secrets envelopes: their encoding is turned into characters one byte each (ISO-8859-1), so that any
 * bytes survive the codec's UTF-8 step, and the characters are zeroed after encryption.
 */
public final class PersistStore {

    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Supplier<SecretCodec> codec;

    /**
     * @param sandboxFolder the instance's sandbox folder
     * @param codec returns the secrets codec, or null while the secrets service is not running
     */
    public PersistStore(Path sandboxFolder, Supplier<SecretCodec> codec) {
        this.file = sandboxFolder.resolve(PersistFile.FILE_NAME).toAbsolutePath().normalize();
        this.codec = codec;
    }

    /** Returns the file that contains the values. */
    public Path file() {
        return file;
    }

    /** Stores a value under a name, replacing any value of that name. */
    public void set(String name, LuaValue value, boolean encrypted) throws PersistException {
        byte[] encoded = ValueCodec.encode(value);
        byte[] stored = encrypted ? encrypt(encoded) : encoded;
        synchronized (lock()) {
            Map<String, PersistFile.Entry> entries = PersistFile.read(file);
            entries.put(name, new PersistFile.Entry(encrypted, stored));
            PersistFile.write(file, entries);
        }
    }

    /** Returns the value stored under a name, decrypted when it was stored encrypted, or nil. */
    public LuaValue get(String name) throws PersistException {
        PersistFile.Entry entry;
        synchronized (lock()) {
            entry = PersistFile.read(file).get(name);
        }
        if (entry == null) {
            return LuaValue.NIL;
        }
        return ValueCodec.decode(entry.encrypted() ? decrypt(entry.data()) : entry.data());
    }

    /** Removes the value stored under a name; returns false when there was none. */
    public boolean delete(String name) throws PersistException {
        synchronized (lock()) {
            Map<String, PersistFile.Entry> entries = PersistFile.read(file);
            if (entries.remove(name) == null) {
                return false;
            }
            PersistFile.write(file, entries);
            return true;
        }
    }

    /** Removes every value of the instance. */
    public void deleteAll() throws PersistException {
        synchronized (lock()) {
            PersistFile.write(file, Map.of());
        }
    }

    /**
     * Re-encrypts every encrypted value whose envelope was not made with the codec's current key, and writes the
     * file once. Returns how many values changed.
     */
    public int reencrypt(SecretCodec rotating) throws PersistException, SecretException {
        synchronized (lock()) {
            Map<String, PersistFile.Entry> entries = PersistFile.read(file);
            String currentKey = rotating.currentKeyId();
            int changed = 0;
            for (Map.Entry<String, PersistFile.Entry> entry : entries.entrySet()) {
                PersistFile.Entry value = entry.getValue();
                String envelope = new String(value.data(), StandardCharsets.US_ASCII);
                if (!value.encrypted() || currentKey.equals(rotating.keyIdOf(envelope))) {
                    continue;
                }
                char[] clear = rotating.decrypt(envelope);
                try {
                    entry.setValue(new PersistFile.Entry(true,
                            rotating.encrypt(clear).getBytes(StandardCharsets.US_ASCII)));
                } finally {
                    Arrays.fill(clear, '\0');
                }
                changed++;
            }
            if (changed > 0) {
                PersistFile.write(file, entries);
            }
            return changed;
        }
    }

    private byte[] encrypt(byte[] encoded) throws PersistException {
        SecretCodec current = requireCodec();
        char[] clear = new char[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            clear[i] = (char) (encoded[i] & 0xFF);
        }
        try {
            return current.encrypt(clear).getBytes(StandardCharsets.US_ASCII);
        } catch (SecretException e) {
            throw new PersistException("the value could not be encrypted: " + e.getMessage(), e);
        } finally {
            Arrays.fill(clear, '\0');
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private byte[] decrypt(byte[] stored) throws PersistException {
        SecretCodec current = requireCodec();
        char[] clear = null;
        try {
            clear = current.decrypt(new String(stored, StandardCharsets.US_ASCII));
            byte[] encoded = new byte[clear.length];
            for (int i = 0; i < clear.length; i++) {
                encoded[i] = (byte) clear[i];
            }
            return encoded;
        } catch (SecretException e) {
            throw new PersistException("the encrypted value could not be decrypted: " + e.getMessage(), e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, '\0');
            }
        }
    }

    private SecretCodec requireCodec() throws PersistException {
        SecretCodec current = codec.get();
        if (current == null) {
            throw new PersistException("encrypted values need the DriverHost secrets service, which is not running");
        }
        return current;
    }

    private Object lock() {
        return LOCKS.computeIfAbsent(file, path -> new Object());
    }
}
