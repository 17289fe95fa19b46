package org.driverhost.tls;

/** A running server, as returned by {@link ServerService#start}. */
public interface ServerHandle {

    /** Returns the port the server is bound to, also when the spec asked for port 0. */
    int port();

    /** Returns the spec the server was started from. */
    ServerSpec spec();
}
