package org.driverhost.tls;

/**
 * Receives the events of one server. Calls for one connection arrive in order and never overlap; calls
 * for different connections may come from different threads.
 */
public interface ServerListener {

    /** Reports that the server is listening on {@code port}. */
    void serverOnline(int port);

    /** Reports that the server stopped; it comes after the offline event of every connection. */
    void serverOffline(int port);

    /** Reports a new connection; for TLS, once its handshake has succeeded. */
    void connectionOnline(ConnectionInfo connection);

    /** Reports that a connection closed, by the client, the driver or the server's stop. */
    void connectionOffline(ConnectionInfo connection);

    /**
     * Delivers one payload: with a delimiter, the bytes up to and including it; without one, the bytes of
     * one read. The array belongs to the listener.
     *
     * <p>For a UDP server, each datagram is split at the delimiter and the bytes after its last delimiter
     * are delivered as they are; payloads never span datagrams. The connection's handle is the server's own
     * handle, the same for every sender, and its remote address and port are the sender's. UDP servers report
     * no connection online or offline.
     */
    void dataReceived(ConnectionInfo connection, byte[] data);
}
