package org.driverhost.tls.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the server socket service, under the configuration PID {@code org.driverhost.tls}. */
@ObjectClassDefinition(name = "DriverHost server sockets",
        description = "Where and how drivers' TLS and TCP servers listen.")
public @interface ServerSettings {

    @AttributeDefinition(name = "Bind address",
            description = "IP address that drivers' servers listen on: 0.0.0.0 for all IPv4 interfaces, "
                    + ":: for all interfaces, 127.0.0.1 for this machine only. Applies to servers started after a change.")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Flush timeout (ms)",
            description = "Bytes that wait this long without a delimiter are delivered to the driver as they are. 0 waits forever.")
    long flushTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Maximum payload (bytes)",
            description = "A payload without delimiter that grows to this size is delivered in pieces of this size.")
    int maxPayloadBytes() default 65536;

    @AttributeDefinition(name = "TLS handshake timeout (ms)",
            description = "A client that has not finished its TLS handshake after this time is disconnected.")
    long handshakeTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Close timeout (ms)",
            description = "A connection being closed after its queued data is written is closed anyway after this time, "
                    + "for clients that stop reading.")
    long closeTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Maximum queued bytes per connection",
            description = "A client that stops reading while this many bytes wait to be sent to it is disconnected, "
                    + "with a warning in the log, so that memory stays bounded.")
    int maxQueuedBytesPerConnection() default 8 * 1024 * 1024;

    @AttributeDefinition(name = "Maximum connections per server",
            description = "A server that has this many open connections closes new ones at once, with a warning "
                    + "in the log. 0 means no limit.")
    int maxConnectionsPerServer() default 256;

    @AttributeDefinition(name = "Network threads",
            description = "Threads that serve all connections. 0 means one per processor core.")
    int networkThreads() default 0;

    @AttributeDefinition(name = "Client CA trust store",
            description = "Path of a PEM, PKCS#12 or JKS file with CA certificates that client certificates are "
                    + "verified against, in addition to the CA certificates a driver supplies. Empty for none. "
                    + "The JVM's default trust store is never used for clients.")
    String trustStore() default "";

    @AttributeDefinition(name = "Client CA trust store password", type = AttributeType.PASSWORD,
            description = "Password of the PKCS#12 or JKS trust store. Empty skips the integrity check and works only "
                    + "for stores whose certificates are not encrypted, such as JKS stores.")
    String trustStorePassword() default "";
}
