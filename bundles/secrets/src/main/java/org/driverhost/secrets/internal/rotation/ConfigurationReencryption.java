package org.driverhost.secrets.internal.rotation;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.config.ConfigurationValues;

/**
 * Re-encrypts the envelopes of one configuration's properties with the codec's current key. Works on a copy
 * and never calls Config Admin, so that it can be tested alone.
 */
final class ConfigurationReencryption {

    private final SecretCodec codec;
    private final String newKeyId;

    ConfigurationReencryption(SecretCodec codec, String newKeyId) {
        this.codec = codec;
        this.newKeyId = newKeyId;
    }

    /**
     * Re-encrypts every envelope not made with the new key.
     *
     * @param pid named in the skipped entries
     * @param skipped receives {@code <pid> <key>: <reason>} for each envelope that could not be decrypted
     * @return the new properties and the count, or {@code null} properties if nothing changed
     */
    Result reencrypt(String pid, Dictionary<String, Object> properties, List<String> skipped) {
        Dictionary<String, Object> updated = ConfigurationValues.copy(properties);
        int count = 0;
        for (String key : ConfigurationValues.candidateKeys(properties)) {
            Object value = properties.get(key);
            try {
                if (value instanceof String text && needsReencryption(text)) {
                    updated.put(key, reencryptOne(text));
                    count++;
                } else if (value instanceof String[] texts) {
                    String[] replaced = texts.clone();
                    int before = count;
                    for (int i = 0; i < replaced.length; i++) {
                        if (needsReencryption(replaced[i])) {
                            replaced[i] = reencryptOne(replaced[i]);
                            count++;
                        }
                    }
                    if (count > before) {
                        updated.put(key, replaced);
                    }
                }
            } catch (SecretException e) {
                skipped.add(pid + " " + key + ": " + e.getMessage());
            }
        }
        return new Result(count == 0 ? null : updated, count);
    }

    private boolean needsReencryption(String text) throws SecretException {
        return text != null && codec.isEncrypted(text) && !codec.keyIdOf(text).equals(newKeyId);
    }

    private String reencryptOne(String envelope) throws SecretException {
        char[] plaintext = codec.decrypt(envelope);
        try {
            return codec.encrypt(plaintext);
        } finally {
            Arrays.fill(plaintext, '\0');
        }
    }

    /** New properties, or {@code null} if unchanged, and how many values were re-encrypted. */
    record Result(Dictionary<String, Object> updated, int count) {

        @Override
        public String toString() {
            return "Result[count=" + count + "]";
        }
    }
}
