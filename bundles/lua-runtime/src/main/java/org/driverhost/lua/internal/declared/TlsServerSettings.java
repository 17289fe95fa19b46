package org.driverhost.lua.internal.declared;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of a declared TLS server: the ten parameters of {@code C4:CreateTLSServer} under their documented
 * names, plus where it listens and which driver instance it serves.
 */
@ObjectClassDefinition(name = "DriverHost TLS server",
        description = "A TLS server started from the configuration instead of by the driver's code. The driver "
                + "receives its callbacks with the configured identifier.")
public @interface TlsServerSettings {

    @AttributeDefinition(name = "Driver", description = "Name of the driver instance that receives the callbacks; "
            + "relative file paths resolve in its package and sandbox folders.")
    String driver();

    @AttributeDefinition(name = "Port", description = "TCP port, 1 to 65535.", min = "1", max = "65535")
    int port();

    @AttributeDefinition(name = "Delimiter", required = false,
            description = "Bytes that end one payload (for example a newline). Empty delivers data as read.")
    String delimiter() default "";

    @AttributeDefinition(name = "Options", required = false,
            description = "OpenSSL SSL_OP_* bits, decimal or 0x hexadecimal. 0 is the default set.")
    String options() default "0";

    @AttributeDefinition(name = "Verify mode", required = false,
            description = "OpenSSL SSL_VERIFY_* bits, decimal or 0x hexadecimal. 0 asks for no client certificate.")
    String verifyMode() default "0";

    @AttributeDefinition(name = "Cipher list", required = false,
            description = "OpenSSL cipher string. Empty is the default list.")
    String cipherList() default "";

    @AttributeDefinition(name = "Certificate", description = "PEM text, or a path to a PEM or PKCS#12 file; "
            + "a relative path resolves in the driver's package, then sandbox folder.")
    String certificate();

    @AttributeDefinition(name = "Private key", required = false,
            description = "PEM text or a path to a PEM file. Ignored with a PKCS#12 certificate.")
    String privateKey() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Password of an encrypted private key or PKCS#12 file. Stored encrypted.")
    String password() default "";

    @AttributeDefinition(name = "Chain", required = false,
            description = "PEM text or a path to a PEM file with the intermediate certificates.")
    String chain() default "";

    @AttributeDefinition(name = "Identifier", required = false,
            description = "Value passed to the driver's server callbacks, as the identifier of C4:CreateTLSServer.")
    String identifier() default "";

    @AttributeDefinition(name = "Bind address", required = false,
            description = "IP address to listen on. Empty uses bindAddress of org.driverhost.tls.")
    String bindAddress() default "";
}
