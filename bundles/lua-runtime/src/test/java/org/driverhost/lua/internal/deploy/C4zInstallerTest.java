package org.driverhost.lua.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C4zInstallerTest {

    @TempDir
    Path temp;

    // canHandle does not touch the driver manager.
    private final C4zInstaller installer = new C4zInstaller(null);

    @Test
    void handlesC4zWithDriverXmlAtRoot() throws Exception {
        assertTrue(installer.canHandle(zip("echo.c4z", "driver.xml").toFile()));
        assertTrue(installer.canHandle(zip("ECHO.C4Z", "driver.xml").toFile()));
    }

    @Test
    void ignoresOtherFiles() throws Exception {
        assertFalse(installer.canHandle(zip("echo.zip", "driver.xml").toFile()), "wrong extension");
        assertFalse(installer.canHandle(zip("nested.c4z", "echo/driver.xml").toFile()), "driver.xml not at the root");
        assertFalse(installer.canHandle(zip("empty.c4z", "driver.lua").toFile()), "no driver.xml");
        assertFalse(installer.canHandle(Files.writeString(temp.resolve("text.c4z"), "no zip").toFile()), "not a zip");
        assertFalse(installer.canHandle(Files.createDirectory(temp.resolve("folder.c4z")).toFile()), "a folder");
    }

    private Path zip(String fileName, String entry) throws IOException {
        Path c4z = temp.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(c4z); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
        }
        return c4z;
    }
}
