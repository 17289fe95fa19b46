package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Config Admin as the record of driver instances and declared TLS servers: instances with their own property
 * values, operator changes reaching {@code OnPropertyChanged}, persisted values across an instance restart, and
 * a TLS server declared in an {@code etc/} file whose password never stays on disk in clear.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigAdminOSGiTest extends DriverHostTestSupport {

    private static final long TIMEOUT_MILLIS = 20_000;
    private static final String DRIVER_PID = "org.driverhost.driver";
    private static final String SERVER_PID = "org.driverhost.tls.server";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Test
    public void twoInstancesOfOnePackageHaveTheirOwnValues() throws Exception {
        deploy(testDriver("config-probe"), "probe-one");
        int first = awaitServer("probe-one").port();
        Configuration second = newInstance("probe-two", "probe-one.c4z", "second");
        int secondPort = awaitServer("probe-two").port();

        assertEquals("VALUE hello", ask(first, "GET Greeting"));
        assertEquals("VALUE second", ask(secondPort, "GET Greeting"));
        await(() -> "hello".equals(property(instanceConfiguration("probe-one"), "property.Greeting")),
                "the default of Greeting written into the configuration of probe-one");
        assertTrue(Files.isDirectory(sandbox("probe-two")));

        second.delete();
        awaitNoServer("probe-two");
    }

    @Test
    public void configurationChangeCallsOnPropertyChanged() throws Exception {
        deploy(testDriver("config-probe"), "probe-change");
        int port = awaitServer("probe-change").port();
        await(() -> instanceConfiguration("probe-change") != null, "the configuration of probe-change");

        setProperty(instanceConfiguration("probe-change"), "property.Greeting", "from the operator");

        await(() -> "VALUE from the operator".equals(askQuietly(port, "GET Greeting")), "the operator's value");
        assertEquals("CHANGES Greeting", ask(port, "CHANGES"));

        assertEquals("OK", ask(port, "UPDATE Greeting=from the driver"));
        await(() -> "from the driver".equals(property(instanceConfiguration("probe-change"), "property.Greeting")),
                "the driver's value written back");
        assertEquals("VALUE from the driver", ask(port, "GET Greeting"));
        assertEquals("the write-back is no operator change", "CHANGES Greeting", ask(port, "CHANGES"));
    }

    @Test
    public void persistedValuesSurviveInstanceRestart() throws Exception {
        deploy(testDriver("config-probe"), "probe-persist");
        awaitServer("probe-persist");
        Configuration instance = newInstance("probe-persisted", "probe-persist.c4z", "persisted");
        int port = awaitServer("probe-persisted").port();
        String secret = "persisted-" + UUID.randomUUID();

        assertEquals("OK", ask(port, "PSET token=" + secret));
        instance.delete();
        awaitNoServer("probe-persisted");
        newInstance("probe-persisted", "probe-persist.c4z", "persisted");
        int restartedPort = awaitServer("probe-persisted").port();

        assertEquals("VALUE " + secret + " true", ask(restartedPort, "PGET token"));
        assertNoFileContains(secret);
    }

    @Test
    public void declaredServerServesChangesAndStops() throws Exception {
        deploy(testDriver("config-probe"), "probe-tls");
        int probePort = awaitServer("probe-tls").port();
        String password = "p12-" + UUID.randomUUID();
        makePkcs12("first", password);
        makePkcs12("second", password);
        int port = freePort();

        Path cfg = karafHome().resolve("etc").resolve(SERVER_PID + "-itest.cfg");
        Path partial = cfg.resolveSibling("declared.part");
        Files.writeString(partial, "driver = probe-tls\nport = " + port + "\ncertificate = first.p12\n"
                + "password = " + password + "\nidentifier = declared\n", StandardCharsets.UTF_8);
        Files.move(partial, cfg);

        SSLSocket before = awaitTls(port);
        assertEquals("CN=first", subject(before));
        assertEquals("ping", echo(before, "ping"));
        await(() -> read(cfg).contains("{aes256gcm:v1:"), cfg + " rewritten with an envelope");
        assertFalse(read(cfg).contains(password));
        assertNoFileContains(password);

        Configuration declared = serverConfiguration();
        setProperty(declared, "certificate", "second.p12");
        await(() -> subjectOfNewConnection(port).equals("CN=second"), "the second certificate on new connections");
        assertEquals("pong", echo(before, "pong"));
        before.close();

        declared.delete();
        await(() -> !accepts(port), "port " + port + " closed");
        await(() -> "STATUS OFFLINE".equals(askQuietly(probePort, "DECLARED")), "the driver seeing OFFLINE");
    }

    private Configuration newInstance(String name, String packageFile, String greeting) throws Exception {
        Configuration configuration = configurationAdmin.getFactoryConfiguration(DRIVER_PID, name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("package", packageFile);
        properties.put("property.Greeting", greeting);
        configuration.update(properties);
        return configuration;
    }

    private Configuration instanceConfiguration(String name) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(
                    "(&(service.factoryPid=" + DRIVER_PID + ")(name=" + name + "))");
            return found == null ? null : found[0];
        } catch (Exception e) {
            return null;
        }
    }

    private Configuration serverConfiguration() throws Exception {
        Configuration[] found = configurationAdmin.listConfigurations("(service.factoryPid=" + SERVER_PID + ")");
        assertEquals(1, found.length);
        return found[0];
    }

    private static Object property(Configuration configuration, String key) {
        return configuration == null || configuration.getProperties() == null ? null
                : configuration.getProperties().get(key);
    }

    private static void setProperty(Configuration configuration, String key, String value) throws IOException {
        Dictionary<String, Object> properties = configuration.getProperties();
        properties.put(key, value);
        configuration.update(properties);
    }

    /** Sends one command line to a probe driver's plain TCP server and returns the reply line. */
    private static String ask(int port, String command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT_MILLIS);
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private static String askQuietly(int port, String command) {
        try {
            return ask(port, command);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path karafHome() {
        return Path.of(System.getProperty("karaf.base"));
    }

    private static Path sandbox(String instance) {
        return karafHome().resolve("data/driverhost/sandbox").resolve(instance);
    }

    /** Makes {@code NAME.p12} with a fresh key and a self-signed certificate for CN=NAME in probe-tls's sandbox. */
    private static void makePkcs12(String name, String password) throws Exception {
        Path folder = sandbox("probe-tls");
        Path work = Files.createTempDirectory("declared-");
        run(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=" + name);
        // The password goes through the environment, so that it is in no file and no command line.
        ProcessBuilder export = new ProcessBuilder("openssl", "pkcs12", "-export", "-in", "cert.pem", "-inkey",
                "key.pem", "-out", name + ".p12", "-passout", "env:P12_PASSWORD").directory(work.toFile());
        export.environment().put("P12_PASSWORD", password);
        exec(export);
        Files.copy(work.resolve(name + ".p12"), folder.resolve(name + ".p12"));
    }

    private static void run(Path directory, String... command) throws Exception {
        exec(new ProcessBuilder(command).directory(directory.toFile()));
    }

    private static void exec(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("openssl did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals("openssl failed: " + output, 0, process.exitValue());
    }

    private static SSLSocket awaitTls(int port) throws Exception {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (true) {
            try {
                return connectTls(port);
            } catch (ConnectException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no TLS server on port " + port + " within " + DEPLOY_TIMEOUT_MILLIS + " ms");
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    private static SSLSocket connectTls(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAnyServer()}, new SecureRandom());
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT_MILLIS);
        socket.startHandshake();
        return socket;
    }

    private static String subject(SSLSocket socket) throws Exception {
        X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return certificate.getSubjectX500Principal().getName();
    }

    private static String subjectOfNewConnection(int port) {
        try (SSLSocket socket = connectTls(port)) {
            return subject(socket);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String echo(SSLSocket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder received = new StringBuilder();
        for (int b = socket.getInputStream().read(); b >= 0 && b != '\n'; b = socket.getInputStream().read()) {
            received.append((char) b);
        }
        return received.toString();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Fails if any file under etc/ or data/ contains {@code plaintext}, using the grep command. */
    private static void assertNoFileContains(String plaintext) throws Exception {
        Process grep = new ProcessBuilder("grep", "-r", "-l", "-F", "-a", plaintext,
                karafHome().resolve("etc").toString(), karafHome().resolve("data").toString())
                .redirectErrorStream(true).start();
        String found = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("grep did not finish", grep.waitFor(60, TimeUnit.SECONDS));
        assertEquals("files containing the plaintext: " + found, 1, grep.exitValue());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Trusts any server, because the tests read which certificate the server presented. */
    private static final class TrustAnyServer implements X509TrustManager {
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
