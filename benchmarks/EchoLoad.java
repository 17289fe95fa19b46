import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Load client for line-echo TLS servers on loopback. Each connection sends a fixed number of
 * newline-terminated lines, one at a time, and waits for each reply before sending the next, so the
 * numbers are round-trip latencies. Usage:
 *
 * <pre>java EchoLoad.java PORT CONNECTIONS LINES_PER_CONNECTION LINE_BYTES [reverse]</pre>
 *
 * With {@code reverse}, a reply is expected to be the line reversed (openssl s_server -rev).
 */
public final class EchoLoad {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int lines = Integer.parseInt(args[2]);
        int lineBytes = Integer.parseInt(args[3]);
        boolean reverse = args.length > 4 && args[4].equals("reverse");

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAny()}, new SecureRandom());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            results.add(pool.submit(runConnection(context, port, lines, lineBytes, reverse)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            for (long nanos : result.get()) {
                all.add(nanos);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("connections=%d lines=%d bytes=%d round_trips=%d seconds=%.2f rps=%.0f p50_us=%.0f p99_us=%.0f max_us=%.0f%n",
                connections, lines, lineBytes, sorted.length, seconds, sorted.length / seconds,
                percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3, sorted[sorted.length - 1] / 1e3);
    }

    private static Callable<long[]> runConnection(SSLContext context, int port, int lines, int lineBytes, boolean reverse) {
        return () -> {
            long[] latencies = new long[lines];
            byte[] line = new byte[lineBytes];
            Arrays.fill(line, (byte) 'x');
            line[0] = 'a';
            line[lineBytes - 1] = '\n';
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                for (int i = 0; i < lines; i++) {
                    long sent = System.nanoTime();
                    out.write(line);
                    out.flush();
                    byte[] reply = readLine(in);
                    latencies[i] = System.nanoTime() - sent;
                    check(line, reply, reverse);
                }
            }
            return latencies;
        };
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            reply.write(b);
            if (b == '\n') {
                return reply.toByteArray();
            }
        }
        throw new IOException("server closed the connection in the middle of a reply");
    }

    private static void check(byte[] sent, byte[] reply, boolean reverse) throws IOException {
        if (reply.length != sent.length) {
            throw new IOException("reply of " + reply.length + " bytes to a line of " + sent.length);
        }
        byte expectedFirst = reverse ? sent[sent.length - 2] : sent[0];
        if (reply[0] != expectedFirst) {
            throw new IOException("reply does not match the line sent");
        }
    }

    private static double percentile(long[] sorted, double fraction) {
        int index = (int) Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)));
        return sorted[index];
    }

    /** Accepts any server certificate: the servers under test use throwaway self-signed ones. */
    private static final class TrustAny implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
