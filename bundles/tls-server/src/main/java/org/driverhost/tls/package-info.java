/**
 * Server sockets for drivers: TLS and plain TCP servers started from a {@link org.driverhost.tls.ServerSpec},
 * reporting to a {@link org.driverhost.tls.ServerListener}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.driverhost.tls;
