package org.driverhost.itests;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A JDK {@link SSLSocket} client on loopback that reads line by line, as bytes. It trusts any server
 * certificate, because the test drivers' certificates are self-signed and made at build time.
 */
final class TlsTestClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 15_000;

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private TlsTestClient(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:port and finishes the handshake with only {@code protocol} enabled. */
    static TlsTestClient connect(int port, String protocol) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAnyServer()}, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return new TlsTestClient(socket);
    }

    String negotiatedProtocol() {
        return socket.getSession().getProtocol();
    }

    /** Sends bytes as one write, so as one TLS record. */
    void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads bytes up to and including the next {@code \n}. */
    byte[] readLineBytes() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after " + line.size() + " bytes of a line");
            }
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
    }

    /** Reads the next line without its {@code \n}. */
    String readLine() throws IOException {
        byte[] line = readLineBytes();
        return new String(line, 0, line.length - 1, StandardCharsets.ISO_8859_1);
    }

    /** Reads exactly {@code count} bytes. */
    byte[] readBytes(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException("connection closed after " + bytes.length + " of " + count + " bytes");
        }
        return bytes;
    }

    /** Returns whether the server closed the connection before the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // A reset or a TLS alert also means the server ended the connection.
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Accepts every server certificate; only for tests against self-signed test drivers. */
    private static final class TrustAnyServer implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Any certificate is accepted: the tests check framing and callbacks, not trust.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
