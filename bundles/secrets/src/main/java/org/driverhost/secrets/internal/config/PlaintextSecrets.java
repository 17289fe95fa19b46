package org.driverhost.secrets.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.function.Predicate;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretProperties;

/**
 * Finds, in one configuration, the secret properties that still hold plaintext and encrypts them, and the
 * envelopes whose key is not loaded. Works on a copy of the properties and never calls Config Admin.
 */
public final class PlaintextSecrets {

    private final SecretCodec codec;
    private final Predicate<String> keyLoaded;

    /**
     * @param codec encrypts the plaintext values
     * @param keyLoaded returns whether the master key with that id is loaded
     */
    public PlaintextSecrets(SecretCodec codec, Predicate<String> keyLoaded) {
        this.codec = codec;
        this.keyLoaded = keyLoaded;
    }

    /**
     * Checks one configuration.
     *
     * @param rule which properties are secrets
     */
    public Outcome check(String pid, String factoryPid, Dictionary<String, Object> properties, SecretProperties rule) {
        Dictionary<String, Object> updated = ConfigurationValues.copy(properties);
        List<String> encrypted = new ArrayList<>();
        List<String> undecryptable = new ArrayList<>();
        List<String> plaintextLeft = new ArrayList<>();
        String failure = null;

        for (String key : ConfigurationValues.candidateKeys(properties)) {
            Object value = properties.get(key);
            noteUndecryptable(key, value, undecryptable);
            if (!rule.isSecret(pid, factoryPid, key) || !hasPlaintext(value)) {
                continue;
            }
            try {
                updated.put(key, encryptPlaintext(value));
                encrypted.add(key);
            } catch (SecretException e) {
                plaintextLeft.add(key);
                failure = e.getMessage();
            }
        }
        return new Outcome(encrypted.isEmpty() ? null : updated, encrypted, undecryptable, plaintextLeft, failure);
    }

    private void noteUndecryptable(String key, Object value, List<String> undecryptable) {
        for (String text : strings(value)) {
            if (codec.isEncrypted(text) && !isKeyLoaded(text)) {
                undecryptable.add(key);
                return;
            }
        }
    }

    private boolean isKeyLoaded(String envelope) {
        try {
            return keyLoaded.test(codec.keyIdOf(envelope));
        } catch (SecretException e) {
            return false;
        }
    }

    private boolean hasPlaintext(Object value) {
        return strings(value).stream().anyMatch(text -> !text.isEmpty() && !codec.isEncrypted(text));
    }

    private Object encryptPlaintext(Object value) throws SecretException {
        if (value instanceof String text) {
            return encryptOne(text);
        }
        String[] texts = ((String[]) value).clone();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = encryptOne(texts[i]);
        }
        return texts;
    }

    private String encryptOne(String text) throws SecretException {
        if (text == null || text.isEmpty() || codec.isEncrypted(text)) {
            return text;
        }
        char[] plaintext = text.toCharArray();
        try {
            return codec.encrypt(plaintext);
        } finally {
            Arrays.fill(plaintext, '\0');
        }
    }

    /**
     * Returns the strings of a String or String[] value.
     * NOTE: other types, such as a Collection of strings, are skipped, so a secret stored that way stays plaintext.
     */
    static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof String[] texts) {
            return Arrays.stream(texts).filter(text -> text != null).toList();
        }
        return List.of();
    }

    /**
     * Result of {@link #check}.
     *
     * @param updated the properties with envelopes in place of plaintext, or {@code null} if nothing changed
     * @param encrypted the properties that were encrypted
     * @param undecryptable properties holding an envelope whose key is not loaded
     * @param plaintextLeft secret properties still in plaintext because encryption failed
     * @param failure why encryption failed, or {@code null}
     */
    public record Outcome(Dictionary<String, Object> updated, List<String> encrypted, List<String> undecryptable,
            List<String> plaintextLeft, String failure) {

        /** Names the property lists only, never values. */
        @Override
        public String toString() {
            return "Outcome[encrypted=" + encrypted + ", undecryptable=" + undecryptable + ", plaintextLeft="
                    + plaintextLeft + "]";
        }
    }
}
