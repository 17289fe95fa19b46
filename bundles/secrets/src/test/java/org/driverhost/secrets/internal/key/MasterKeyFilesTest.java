package org.driverhost.secrets.internal.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.driverhost.secrets.SecretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFilesTest {

    @TempDir
    Path home;

    private MasterKeyFiles files() {
        return new MasterKeyFiles(home.resolve("keys/driverhost-master.key"), new SecureRandom());
    }

    @Test
    void missingKeyFileLoadsAsEmpty() throws Exception {
        assertEquals(Optional.empty(), files().load());
    }

    @Test
    void firstKeyIsCreatedOwnerOnly() throws Exception {
        MasterKeyFiles files = files();

        KeyRing created = files.createFirst();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.keyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.keyFile().getParent())));
        assertEquals(created.encryptionKey().id(), files.load().orElseThrow().encryptionKey().id());
        assertArrayEquals(created.encryptionKey().encoded(), files.load().orElseThrow().encryptionKey().encoded());
        assertFalse(Files.exists(files.keyFile().resolveSibling("driverhost-master.key.tmp")));
    }

    @Test
    void existingKeyFileIsNeverOverwritten() throws Exception {
        MasterKeyFiles files = files();
        files.createFirst();
        byte[] before = Files.readAllBytes(files.keyFile());

        assertThrows(SecretException.class, files::createFirst);

        assertArrayEquals(before, Files.readAllBytes(files.keyFile()));
    }

    @Test
    void truncatedKeyFileIsReportedAsCorrupted() throws Exception {
        MasterKeyFiles files = files();
        files.createFirst();
        String text = Files.readString(files.keyFile());
        Files.writeString(files.keyFile(), text.substring(0, text.length() - 10));

        SecretException e = assertThrows(SecretException.class, files::load);

        assertTrue(e.getMessage().contains(files.keyFile() + " is corrupted"), e.getMessage());
    }

    @Test
    void changedKeyByteIsReportedAsCorrupted() throws Exception {
        MasterKeyFiles files = files();
        files.createFirst();
        String text = Files.readString(files.keyFile());
        int last = text.lastIndexOf(':') + 1;
        char replaced = text.charAt(last) == 'A' ? 'B' : 'A';
        Files.writeString(files.keyFile(), text.substring(0, last) + replaced + text.substring(last + 1));

        SecretException e = assertThrows(SecretException.class, files::load);

        assertTrue(e.getMessage().contains("does not match its recorded id"), e.getMessage());
    }

    @Test
    void garbageKeyFileIsKept() throws Exception {
        MasterKeyFiles files = files();
        Files.createDirectories(files.keyFile().getParent());
        Files.write(files.keyFile(), "garbage".getBytes(StandardCharsets.US_ASCII));

        SecretException e = assertThrows(SecretException.class, files::load);

        assertTrue(e.getMessage().contains("is corrupted"), e.getMessage());
        assertTrue(e.getMessage().contains("never replaces"), e.getMessage());
        assertEquals("garbage", Files.readString(files.keyFile()));
    }

    @Test
    void interruptedRotationLoadsBothKeys() throws Exception {
        MasterKeyFiles files = files();
        MasterKey current = files.createFirst().encryptionKey();
        MasterKey next = files.createNext();

        KeyRing loaded = files.load().orElseThrow();

        assertEquals(current.id(), loaded.encryptionKey().id());
        assertTrue(loaded.find(next.id()).isPresent());
        assertEquals(next.id(), files.createNext().id(), "a resumed rotation reuses the written next key");
    }

    @Test
    void promotionReplacesOldKey() throws Exception {
        MasterKeyFiles files = files();
        MasterKey old = files.createFirst().encryptionKey();
        MasterKey next = files.createNext();

        files.promoteNext();

        KeyRing loaded = files.load().orElseThrow();
        assertEquals(next.id(), loaded.encryptionKey().id());
        assertFalse(loaded.find(old.id()).isPresent());
        assertFalse(Files.exists(files.nextKeyFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.keyFile())));
    }

    @Test
    void onlyNextKeyFileIsReported() throws Exception {
        MasterKeyFiles files = files();
        files.createFirst();
        files.createNext();
        Files.delete(files.keyFile());

        SecretException e = assertThrows(SecretException.class, files::load);

        assertTrue(e.getMessage().contains("is missing but"), e.getMessage());
    }

    @Test
    void keyFileDoesNotLeakThroughToString() throws Exception {
        MasterKey key = files().createFirst().encryptionKey();

        assertEquals("MasterKey[id=" + key.id() + "]", key.toString());
    }
}
