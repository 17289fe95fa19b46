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

    /** Reports that a connection closed, whoever closed it. */
    void connectionOffline(ConnectionInfo connection);

    /**
     * Delivers one payload: with a delimiter, the bytes up to and including it; without one, the bytes of
     * one read. The array belongs to the listener.
     */
    void dataReceived(ConnectionInfo connection, byte[] data);
}
