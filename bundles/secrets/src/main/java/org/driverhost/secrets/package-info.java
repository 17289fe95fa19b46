/**
 * Encrypted secret storage: {@link org.driverhost.secrets.SecretCodec} turns passwords into AES-256-GCM
 * envelopes under a master key kept outside {@code etc/}, {@link org.driverhost.secrets.SecretProperties}
 * services declare which configuration properties are secrets, and
 * {@link org.driverhost.secrets.SecretStore} services re-encrypt their own stored envelopes when the master
 * key is rotated.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.driverhost.secrets;
