package org.driverhost.tls;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Starts and stops the server sockets of drivers.
 *
 * <p>Every method is thread-safe. Listener callbacks arrive on network threads, so a listener must hand
 * them to its own thread instead of blocking.
 */
public interface ServerService {

    /**
     * Binds a server as described by the spec and reports its life to the listener.
     *
     * <p>{@link ServerListener#serverOnline} is called before this method returns, with the port actually
     * bound, so a spec with port 0 learns its ephemeral port there and in the returned handle.
     *
     * @throws ServerException when the spec is invalid, its credentials cannot be loaded or the port cannot
     *     be bound. The message names the parameter and value, for the driver's author
     */
    ServerHandle start(ServerSpec spec, ServerListener listener) throws ServerException;

    /**
     * Changes a running TLS server in place: new handshakes use the TLS parameters and credentials of
     * {@code spec} (certificate, key, password, chain, options, verify mode, cipher list), while established
     * connections keep the session they have. The port, bind address and delimiter cannot change this way: stop
     * the server and start a new one for that.
     *
     * @param spec the new spec, with the same owner and port as the running server
     * @throws ServerException when the owner has no server on that port, when {@code spec} changes what cannot be
     *     changed in place, or when its credentials are invalid; the running server then keeps its old ones
     * @since 1.1.0
     */
    default ServerHandle update(ServerSpec spec) throws ServerException {
        throw new ServerException("this server service cannot change a running server; stop and start it instead");
    }

    /**
     * Queues bytes for a connection.
     *
     * @return false when the connection is unknown or already closed
     */
    boolean send(long connection, byte[] data);

    /**
     * Sends one datagram from the owner's UDP server on {@code serverPort} to {@code recipient}.
     *
     * @return false when the owner has no UDP server on that port
     * @since 1.1.0
     */
    default boolean sendDatagram(String owner, int serverPort, InetSocketAddress recipient, byte[] data) {
        return false;
    }

    /**
     * Stops reading from a connection, so that its client's data waits in the network buffers and, once
     * those are full, the client waits too. Nothing already read is dropped: payloads that were read before
     * the call may still be delivered after it. For a UDP server's handle, datagrams wait in the socket's
     * receive buffer, which drops what does not fit. Does nothing for an unknown or closed connection.
     *
     * @since 1.1.0
     */
    default void pauseReading(long connection) {
    }

    /**
     * Starts reading again from a connection paused by {@link #pauseReading}. Does nothing for an unknown or
     * closed connection.
     *
     * @since 1.1.0
     */
    default void resumeReading(long connection) {
    }

    /**
     * Closes a connection after every byte queued by {@link #send} has been written.
     * Does nothing for an unknown or closed connection.
     */
    void close(long connection);

    /**
     * Stops the owner's servers on that port, TCP and UDP: queued data is flushed, each connection reported
     * offline, then the server.
     *
     * @return false when the owner has no server on that port
     */
    boolean destroy(String owner, int port);

    /** Stops every server of the owner, as {@link #destroy(String, int)} does for each. */
    void destroyAll(String owner);

    /** Returns the servers running now, of every owner, for operators' views. */
    List<ServerHandle> servers();
}
