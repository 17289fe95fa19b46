package org.driverhost.secrets;

/**
 * Declares which configuration properties hold secrets, as a whiteboard service. The secrets bundle
 * encrypts the plaintext value of every property that any registered service, or the metatype of the
 * configuration (attributes of type {@code PASSWORD}), marks as secret, and writes the envelope back
 * through Config Admin so that no plaintext stays in {@code etc/}.
 *
 * <p>Register an instance from the bundle that owns the configuration, e.g. for the {@code password} of
 * every configuration of the factory PID {@code org.driverhost.tls.server}. When a new service appears,
 * existing configurations are checked again.
 */
@FunctionalInterface
public interface SecretProperties {

    /**
     * Returns whether a property of a configuration contains a secret. Called for every property of every
     * configuration on each update, so it must be fast and must not call Config Admin.
     *
     * @param pid the configuration's PID
     * @param factoryPid the factory PID for a factory configuration, otherwise {@code null}
     * @param key the property name
     * @return {@code true} if the property's value must be stored encrypted
     */
    boolean isSecret(String pid, String factoryPid, String key);
}
