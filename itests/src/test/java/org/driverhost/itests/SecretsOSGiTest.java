package org.driverhost.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.driverhost.secrets.SecretCodec;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.SecretProperties;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeProvider;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Secret storage in the assembly: plaintext passwords in etc/ are encrypted on load and the files
 * rewritten, the master key rotates, and a corrupted key file gives a clear error instead of a password.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecretsOSGiTest extends DriverHostTestSupport {

    private static final long TIMEOUT_MILLIS = 20_000;
    private static final String ENVELOPE_PREFIX = "{aes256gcm:v1:";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected SessionFactory sessionFactory;

    @Test
    public void plaintextPasswordInCfgIsEncryptedOnDisk() throws Exception {
        String pid = "org.driverhost.itest.login";
        String plaintext = newPlaintext();
        ServiceRegistration<MetaTypeProvider> metaType = PasswordMetaType.register(bundleContext, pid);
        try {
            Path cfg = writeCfg(pid, plaintext);

            String envelope = awaitEnvelopeInFile(cfg, pid);

            assertEquals("the user name is not a secret", "operator", configuration(pid).getProperties().get("user"));
            assertArrayEquals(plaintext.toCharArray(), codec().decrypt(envelope));
            assertNoFileContains(plaintext);
            String propertyList = execute("config:property-list --pid " + pid);
            assertTrue(propertyList, propertyList.contains(envelope));
            assertFalse(propertyList, propertyList.contains(plaintext));
            String encryptedLine = "Encrypted secret properties [password] of configuration " + pid;
            assertEquals("updates from the listener do not loop", 1, occurrences(read(karafLog()), encryptedLine));
        } finally {
            metaType.unregister();
        }
    }

    @Test
    public void whiteboardDeclaredFactoryPropertyIsEncrypted() throws Exception {
        String factoryPid = "org.driverhost.itest.whiteboard";
        String plaintext = newPlaintext();
        SecretProperties token = (pid, factory, key) -> factoryPid.equals(factory) && key.equals("token");
        ServiceRegistration<SecretProperties> registration = bundleContext.registerService(SecretProperties.class, token, null);
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(factoryPid, "one", "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("token", plaintext);
            properties.put("host", "127.0.0.1");
            configuration.update(properties);

            await(() -> isEnvelope(configurationProperty(configuration.getPid(), "token")),
                    "token of " + configuration.getPid() + " encrypted");

            String envelope = (String) configuration(configuration.getPid()).getProperties().get("token");
            assertArrayEquals(plaintext.toCharArray(), codec().decrypt(envelope));
            assertEquals("127.0.0.1", configuration(configuration.getPid()).getProperties().get("host"));
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void rotationReencryptsStoredSecrets() throws Exception {
        String pid = "org.driverhost.itest.rotation";
        String plaintext = newPlaintext();
        ServiceRegistration<MetaTypeProvider> metaType = PasswordMetaType.register(bundleContext, pid);
        try {
            Path cfg = writeCfg(pid, plaintext);
            String before = awaitEnvelopeInFile(cfg, pid);
            String oldKeyId = codec().keyIdOf(before);

            String output = execute("driverhost:rotate-key");

            String newKeyId = codec().currentKeyId();
            assertNotEquals(oldKeyId, newKeyId);
            assertTrue(output, output.contains(pid));
            assertTrue(output, output.contains("key " + oldKeyId + " retired"));
            assertFalse(output, output.contains(plaintext));
            String after = (String) configuration(pid).getProperties().get("password");
            assertEquals(newKeyId, codec().keyIdOf(after));
            assertArrayEquals(plaintext.toCharArray(), codec().decrypt(after));
            String file = Files.readString(cfg);
            assertTrue(file, file.contains(newKeyId));
            assertFalse(file, file.contains(oldKeyId));
            assertTrue("the old key file was replaced", Files.readString(keyFile()).contains(newKeyId));
            assertFalse("no next key is left", Files.exists(keyFile().resolveSibling("driverhost-master.key.next")));

            String status = execute("driverhost:secrets-status");
            assertTrue(status, status.contains(pid));
            assertTrue(status, status.contains("decrypts with the current key"));
            assertFalse(status, status.contains(plaintext));
        } finally {
            metaType.unregister();
        }
    }

    @Test
    public void corruptedKeyFileGivesClearErrorNamingConfigurations() throws Exception {
        String pid = "org.driverhost.itest.corrupted";
        String plaintext = newPlaintext();
        ServiceRegistration<MetaTypeProvider> metaType = PasswordMetaType.register(bundleContext, pid);
        Path keyFile = keyFile();
        byte[] goodKey = Files.readAllBytes(keyFile);
        try {
            Path cfg = writeCfg(pid, plaintext);
            String envelope = awaitEnvelopeInFile(cfg, pid);

            Files.write(keyFile, "not a key\n".getBytes(StandardCharsets.US_ASCII));
            restartSecretsBundle();

            SecretException error = assertThrows(SecretException.class, () -> codec().decrypt(envelope));
            assertTrue(error.getMessage(), error.getMessage().contains(keyFile + " is corrupted"));
            assertThrows("nothing is encrypted with a substitute key", SecretException.class,
                    () -> codec().encrypt("x".toCharArray()));
            String expectedLog = "Configuration " + pid + " has encrypted properties [password] that cannot be decrypted";
            await(() -> read(karafLog()).contains(expectedLog), "karaf.log line: " + expectedLog);
            assertEquals("the corrupted key file is kept", "not a key\n", Files.readString(keyFile));
            assertTrue("the envelope stays in etc/", Files.readString(cfg).contains(envelope.substring(0, 30)));
            assertFalse(read(karafLog()).contains(plaintext));
        } finally {
            Files.write(keyFile, goodKey);
            restartSecretsBundle();
            metaType.unregister();
        }
        assertNotEquals("", codec().currentKeyId());
    }

    private static String newPlaintext() {
        // Made at run time so that the probe bundle in data/cache does not contain it.
        return "plain-" + UUID.randomUUID();
    }

    private static Path karafHome() {
        return Path.of(System.getProperty("karaf.base"));
    }

    private static Path keyFile() {
        return karafHome().resolve("keys/driverhost-master.key");
    }

    private static Path karafLog() {
        return karafHome().resolve("data/log/karaf.log");
    }

    /** Writes etc/{@code pid}.cfg with a user name and a plaintext password, renaming it into place at the end. */
    private static Path writeCfg(String pid, String plaintext) throws IOException {
        Path cfg = karafHome().resolve("etc").resolve(pid + ".cfg");
        Path partial = cfg.resolveSibling(pid + ".part");
        Files.writeString(partial, "user = operator\npassword = " + plaintext + "\n", StandardCharsets.UTF_8);
        Files.move(partial, cfg);
        return cfg;
    }

    /** Waits until FileInstall has written an envelope into the file and Config Admin contains it, and returns it. */
    private String awaitEnvelopeInFile(Path cfg, String pid) throws Exception {
        await(() -> read(cfg).contains("aes256gcm") && isEnvelope(configurationProperty(pid, "password")),
                cfg + " rewritten with an envelope");
        String envelope = (String) configurationProperty(pid, "password");
        String file = read(cfg);
        assertTrue(file, file.contains(envelope.substring(envelope.indexOf('}') + 1)));
        return envelope;
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

    private Object configurationProperty(String pid, String key) {
        try {
            Configuration configuration = configuration(pid);
            return configuration == null || configuration.getProperties() == null ? null
                    : configuration.getProperties().get(key);
        } catch (Exception e) {
            return null;
        }
    }

    private Configuration configuration(String pid) throws Exception {
        Configuration[] configurations = configurationAdmin.listConfigurations("(service.pid=" + pid + ")");
        return configurations == null ? null : configurations[0];
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static boolean isEnvelope(Object value) {
        return value instanceof String text && text.startsWith(ENVELOPE_PREFIX);
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

    /** Returns the current codec service; it is replaced when the secrets bundle restarts. */
    private SecretCodec codec() throws InterruptedException {
        ServiceTracker<SecretCodec, SecretCodec> tracker = new ServiceTracker<>(bundleContext, SecretCodec.class, null);
        tracker.open();
        try {
            SecretCodec codec = tracker.waitForService(TIMEOUT_MILLIS);
            if (codec == null) {
                throw new AssertionError("no SecretCodec service within " + TIMEOUT_MILLIS + " ms");
            }
            return codec;
        } finally {
            tracker.close();
        }
    }

    private void restartSecretsBundle() throws Exception {
        for (Bundle bundle : bundleContext.getBundles()) {
            if ("org.driverhost.secrets".equals(bundle.getSymbolicName())) {
                bundle.stop();
                bundle.start();
                return;
            }
        }
        throw new AssertionError("bundle org.driverhost.secrets is not installed");
    }

    /**
     * Runs a shell command as a user with the admin role, which the assembly's command ACL requires for
     * driverhost:rotate-key, and returns what it printed.
     */
    private String execute(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> {
            try (Session session = sessionFactory.create(InputStream.nullInputStream(), out, out)) {
                return session.execute(command);
            }
        });
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
