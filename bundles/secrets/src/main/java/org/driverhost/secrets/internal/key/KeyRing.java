package org.driverhost.secrets.internal.key;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The master keys available at one time: the key that encrypts and every key that may still decrypt (the
 * current key, and during a rotation the other one of the pair).
 */
public final class KeyRing {

    private final MasterKey encryptionKey;
    private final Map<String, MasterKey> keysById;

    private KeyRing(MasterKey encryptionKey, Map<String, MasterKey> keysById) {
        this.encryptionKey = encryptionKey;
        this.keysById = Collections.unmodifiableMap(keysById);
    }

    /** Returns a ring with one key that both encrypts and decrypts. */
    public static KeyRing of(MasterKey key) {
        return new KeyRing(key, Map.of(key.id(), key));
    }

    /** Returns a ring that encrypts with {@code encryptionKey} and decrypts with it and {@code otherKey}. */
    public static KeyRing of(MasterKey encryptionKey, MasterKey otherKey) {
        Map<String, MasterKey> keys = new LinkedHashMap<>();
        keys.put(encryptionKey.id(), encryptionKey);
        keys.put(otherKey.id(), otherKey);
        return new KeyRing(encryptionKey, keys);
    }

    /** Returns the key that new envelopes are made with. */
    public MasterKey encryptionKey() {
        return encryptionKey;
    }

    /** Returns the key with that id, if it is in this ring. */
    public Optional<MasterKey> find(String keyId) {
        return Optional.ofNullable(keysById.get(keyId));
    }

    /** Returns the ids of all keys, the encryption key first. */
    public Set<String> keyIds() {
        return keysById.keySet();
    }

    @Override
    public String toString() {
        return "KeyRing[encrypts with " + encryptionKey.id() + ", decrypts " + keysById.keySet() + "]";
    }
}
