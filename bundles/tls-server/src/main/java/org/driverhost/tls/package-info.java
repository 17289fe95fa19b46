/**
 * Server sockets for drivers: TLS, plain TCP and UDP servers started from a {@link org.driverhost.tls.ServerSpec},
 * reporting to a {@link org.driverhost.tls.ServerListener}, and the path rule for files that drivers name
 * ({@link org.driverhost.tls.DriverPaths}).
 *
 * <p>1.1.0 added UDP servers, pausing and resuming reads for back-pressure, and {@code DriverPaths}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.driverhost.tls;
