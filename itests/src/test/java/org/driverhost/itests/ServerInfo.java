package org.driverhost.itests;

/**
 * A running server as the tests see it. Tests use this record instead of the TLS server API types, so that the
 * test probe loads no DriverHost class before Karaf has finished booting.
 *
 * @param owner the driver instance that started it
 * @param port the bound port
 * @param udp whether it is a UDP server
 * @param identifier the driver's identifier for it, or null
 */
record ServerInfo(String owner, int port, boolean udp, String identifier) {
}
