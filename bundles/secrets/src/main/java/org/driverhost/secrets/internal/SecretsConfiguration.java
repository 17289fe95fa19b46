package org.driverhost.secrets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the secret storage, PID {@code org.driverhost.secrets}. */
@ObjectClassDefinition(name = "DriverHost secret storage",
        description = "Where the master key that encrypts stored passwords is kept.")
public @interface SecretsConfiguration {

    /**
     * Master key file. The default, {@code keys/driverhost-master.key} under the Karaf base folder, is outside
     * {@code etc/} so that the key never travels with the configuration files that hold the ciphertext
     * (copies, exports, backups of {@code etc/}), and outside {@code data/} because {@code bin/karaf clean}
     * deletes {@code data/}, which would leave {@code etc/} with values that nothing can decrypt.
     */
    @AttributeDefinition(name = "Master key file",
            description = "Path of the AES-256 master key file; a relative path is resolved against the Karaf base"
                    + " folder (karaf.base). Created with owner-only permissions on first start if no encrypted"
                    + " value exists yet. Keep it out of etc/ and data/, and back it up apart from etc/.")
    String keyFile() default "keys/driverhost-master.key";
}
