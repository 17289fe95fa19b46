package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A JDK socket client on loopback, TLS (trusting any certificate: the tests make their own) or plain. */
final class TlsClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;

    private TlsClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
    }

    static TlsClient tls(int port) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.startHandshake();
        return new TlsClient(socket);
    }

    static TlsClient plain(int port) throws IOException {
        return new TlsClient(new Socket("127.0.0.1", port));
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void write(byte[] data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(data);
        out.flush();
    }

    /** Writes {@code data} in pieces of the given sizes, each flushed on its own (so each is its own TLS record). */
    void writeInPieces(byte[] data, int... sizes) throws IOException {
        int offset = 0;
        for (int size : sizes) {
            int length = Math.min(size, data.length - offset);
            socket.getOutputStream().write(data, offset, length);
            socket.getOutputStream().flush();
            offset += length;
        }
        if (offset < data.length) {
            write(java.util.Arrays.copyOfRange(data, offset, data.length));
        }
    }

    byte[] read(int length) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new IOException("connection closed after " + data.length + " of " + length + " bytes");
        }
        return data;
    }

    /** Returns the next byte, or -1 once the server has closed the connection. */
    int readByte() throws IOException {
        return socket.getInputStream().read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
