package org.driverhost.secrets.internal.rotation;

import java.util.List;
import java.util.Map;

/**
 * Outcome of a key rotation, without any value.
 *
 * @param oldKeyId the retired key, or the current key if the rotation did not finish
 * @param newKeyId the key that encrypts from now on
 * @param finished whether the old key was retired
 * @param reencryptedByPid how many values were re-encrypted in each configuration
 * @param reencryptedByStore how many values each {@code SecretStore} re-encrypted
 * @param skipped configuration properties that could not be decrypted and were left as they were, with why
 * @param problem why the rotation did not finish, or {@code null}
 */
public record RotationReport(String oldKeyId, String newKeyId, boolean finished, Map<String, Integer> reencryptedByPid,
        Map<String, Integer> reencryptedByStore, List<String> skipped, String problem) {

    /** Returns the number of values re-encrypted in Config Admin and in stores. */
    public int total() {
        return reencryptedByPid.values().stream().mapToInt(Integer::intValue).sum()
                + reencryptedByStore.values().stream().mapToInt(Integer::intValue).sum();
    }
}
