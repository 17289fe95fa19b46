package org.driverhost.tls;

/**
 * One client connection of a server.
 *
 * @param handle number unique to this connection for the life of the service, never reused
 * @param serverPort the listening port of the server that accepted it
 * @param remoteAddress the client's IP address, as text
 * @param remotePort the client's port
 */
public record ConnectionInfo(long handle, int serverPort, String remoteAddress, int remotePort) {
}
