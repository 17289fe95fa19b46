package org.driverhost.secrets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.key.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

class MasterKeyManagerTest {

    private static final String ENVELOPE = "{aes256gcm:v1:0123456789ab}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @TempDir
    Path karafBase;

    private Path keyFile() {
        return karafBase.resolve("keys/driverhost-master.key");
    }

    private MasterKeyManager start(ConfigurationAdmin admin) {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "karaf.base".equals(args[0])) {
                        return karafBase.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        SecretsConfiguration configuration = new SecretsConfiguration() {
            @Override
            public String keyFile() {
                return "keys/driverhost-master.key";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return SecretsConfiguration.class;
            }
        };
        return new MasterKeyManager(context, configuration, admin);
    }

    @Test
    void firstStartCreatesKey() throws Exception {
        MasterKeyManager manager = start(new InMemoryConfigurationAdmin().with("org.example", "user", "operator").admin());

        assertEquals(keyFile(), manager.keyFile());
        assertTrue(Files.readString(keyFile()).contains(manager.currentKeyId()));
        assertArrayEquals("secret".toCharArray(), manager.decrypt(manager.encrypt("secret".toCharArray())));
    }

    @Test
    void missingKeyWithEnvelopesIsReported() {
        MasterKeyManager manager = start(new InMemoryConfigurationAdmin()
                .with("org.driverhost.tls.server~kitchen", "password", ENVELOPE).admin());

        SecretException e = assertThrows(SecretException.class, () -> manager.encrypt("secret".toCharArray()));

        assertTrue(e.getMessage().contains(keyFile() + " is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("[org.driverhost.tls.server~kitchen]"), e.getMessage());
        assertFalse(Files.exists(keyFile()));
        assertThrows(SecretException.class, () -> manager.decrypt(ENVELOPE));
    }

    @Test
    void corruptedKeyFileIsKeptAndReported() throws Exception {
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), "aes256:v1:0123456789ab:tooShort=\n");

        MasterKeyManager manager = start(new InMemoryConfigurationAdmin().admin());

        SecretException e = assertThrows(SecretException.class, () -> manager.decrypt(ENVELOPE));
        assertTrue(e.getMessage().contains(keyFile() + " is corrupted"), e.getMessage());
        assertEquals("aes256:v1:0123456789ab:tooShort=\n", Files.readString(keyFile()));
    }

    @Test
    void rotationRetiresOldKeyLast() throws Exception {
        MasterKeyManager manager = start(new InMemoryConfigurationAdmin().admin());
        String oldKeyId = manager.currentKeyId();
        String old = manager.encrypt("old".toCharArray());

        MasterKey next = manager.beginRotation();

        assertNotEquals(oldKeyId, next.id());
        assertEquals(next.id(), manager.keyIdOf(manager.encrypt("new".toCharArray())));
        assertArrayEquals("old".toCharArray(), manager.decrypt(old));
        assertTrue(Files.readString(keyFile()).contains(oldKeyId), "the old key stays on disk during re-encryption");
        assertTrue(Files.exists(keyFile().resolveSibling("driverhost-master.key.next")));

        manager.finishRotation(next, oldKeyId);

        assertEquals(next.id(), manager.currentKeyId());
        assertTrue(Files.readString(keyFile()).contains(next.id()));
        assertThrows(SecretException.class, () -> manager.decrypt(old));
    }

    @Test
    void restartAfterInterruptedRotationDecryptsBothKeys() throws Exception {
        MasterKeyManager first = start(new InMemoryConfigurationAdmin().admin());
        String old = first.encrypt("old".toCharArray());
        MasterKey next = first.beginRotation();
        String fresh = first.encrypt("new".toCharArray());

        MasterKeyManager restarted = start(new InMemoryConfigurationAdmin().with("pid", "password", old).admin());

        assertArrayEquals("old".toCharArray(), restarted.decrypt(old));
        assertArrayEquals("new".toCharArray(), restarted.decrypt(fresh));
        assertEquals(next.id(), restarted.beginRotation().id(), "the rotation resumes with the key already written");
    }
}
