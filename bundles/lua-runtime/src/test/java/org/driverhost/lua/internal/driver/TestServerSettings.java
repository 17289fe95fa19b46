package org.driverhost.lua.internal.driver;

import java.lang.annotation.Annotation;
import org.driverhost.tls.internal.ServerSettings;

/** Settings of the real server socket service for tests: loopback only, two network threads. */
final class TestServerSettings implements ServerSettings {

    @Override
    public String bindAddress() {
        return "127.0.0.1";
    }

    @Override
    public long flushTimeoutMillis() {
        return 5000;
    }

    @Override
    public int maxPayloadBytes() {
        return 65536;
    }

    @Override
    public long handshakeTimeoutMillis() {
        return 10000;
    }

    @Override
    public long closeTimeoutMillis() {
        return 5_000;
    }

    @Override
    public String trustStore() {
        return "";
    }

    @Override
    public String trustStorePassword() {
        return "";
    }

    @Override
    public int maxQueuedBytesPerConnection() {
        return 8 * 1024 * 1024;
    }

    @Override
    public int maxConnectionsPerServer() {
        return 256;
    }

    @Override
    public int networkThreads() {
        return 2;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return ServerSettings.class;
    }
}
