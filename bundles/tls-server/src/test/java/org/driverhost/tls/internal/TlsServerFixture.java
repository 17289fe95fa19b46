package org.driverhost.tls.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerSpec;

/**
 * A real {@link NettyServerService} on loopback for one test. Every accepted TLS client receives
 * {@link #GREETING} and is then closed, so a client knows it was accepted and never waits for a timeout.
 */
final class TlsServerFixture implements AutoCloseable {

    static final String GREETING = "hello from driverhost\n";
    static final String OWNER = "test-driver";

    private final NettyServerService service;
    private final RecordingListener listener = new RecordingListener();

    TlsServerFixture(ServerSettings settings) {
        this.service = new NettyServerService(settings);
    }

    RecordingListener listener() {
        return listener;
    }

    NettyServerService service() {
        return service;
    }

    /** Starts a greeting server on a free port: delimiter "\n", files resolved in {@code folder}. */
    ServerHandle startGreeting(Path folder, long options, long verifyMode, String chain, String cipherList)
            throws ServerException {
        listener.onConnectionOnline(connection -> {
            service.send(connection.handle(), GREETING.getBytes(StandardCharsets.US_ASCII));
            service.close(connection.handle());
        });
        return service.start(spec(folder, options, verifyMode, chain).cipherList(cipherList).build(), listener);
    }

    /** Returns a spec for the field case's server certificate, without chain. */
    static ServerSpec.Builder spec(Path folder, long options, long verifyMode, String chain) {
        return ServerSpec.tls(OWNER, 0)
                .delimiter("\n".getBytes(StandardCharsets.US_ASCII))
                .options(options)
                .verifyMode(verifyMode)
                .certificate(TestCertificates.SERVER_CERT)
                .privateKey(TestCertificates.SERVER_KEY)
                .chain(chain)
                .identifier("t08")
                .fileRoots(List.of(folder));
    }

    @Override
    public void close() {
        service.deactivate();
    }
}
