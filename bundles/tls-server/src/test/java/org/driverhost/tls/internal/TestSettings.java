package org.driverhost.tls.internal;

import java.lang.annotation.Annotation;

/** Server settings for tests: loopback only, with the values a test chooses. */
final class TestSettings implements ServerSettings {

    private final long flushTimeoutMillis;
    private final String trustStore;
    private final String trustStorePassword;
    private int maxConnections = 256;
    private int maxQueuedBytes = 8 * 1024 * 1024;

    private TestSettings(long flushTimeoutMillis, String trustStore, String trustStorePassword) {
        this.flushTimeoutMillis = flushTimeoutMillis;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /** Returns loopback settings with a flush timeout long enough that no test reaches it. */
    static TestSettings loopback() {
        return new TestSettings(600_000, "", "");
    }

    /** Returns these settings with another connection limit per server. */
    TestSettings withMaxConnections(int limit) {
        TestSettings changed = new TestSettings(flushTimeoutMillis, trustStore, trustStorePassword);
        changed.maxConnections = limit;
        return changed;
    }

    /** Returns these settings with another limit of bytes queued for a client. */
    TestSettings withMaxQueuedBytes(int limit) {
        TestSettings changed = withMaxConnections(maxConnections);
        changed.maxQueuedBytes = limit;
        return changed;
    }

    TestSettings withTrustStore(String path, String password) {
        return new TestSettings(flushTimeoutMillis, path, password);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return ServerSettings.class;
    }

    @Override
    public String bindAddress() {
        return "127.0.0.1";
    }

    @Override
    public long flushTimeoutMillis() {
        return flushTimeoutMillis;
    }

    @Override
    public int maxPayloadBytes() {
        return 65536;
    }

    @Override
    public long handshakeTimeoutMillis() {
        return 10_000;
    }

    @Override
    public long closeTimeoutMillis() {
        return 5_000;
    }

    @Override
    public int maxQueuedBytesPerConnection() {
        return maxQueuedBytes;
    }

    @Override
    public int maxConnectionsPerServer() {
        return maxConnections;
    }

    @Override
    public int networkThreads() {
        return 2;
    }

    @Override
    public String trustStore() {
        return trustStore;
    }

    @Override
    public String trustStorePassword() {
        return trustStorePassword;
    }
}
