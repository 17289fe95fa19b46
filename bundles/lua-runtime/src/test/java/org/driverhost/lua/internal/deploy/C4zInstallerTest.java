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

    @Test
    void handlesC4iWithDevicedata() throws Exception {
        Path c4i = Files.writeString(temp.resolve("old.c4i"), "<?xml version=\"1.0\"?>\n<devicedata><name>Old</name>"
                + "<config><script><![CDATA[print('hi')]]></script></config></devicedata>");
        assertTrue(installer.canHandle(c4i.toFile()));
        assertTrue(installer.canHandle(Files.copy(c4i, temp.resolve("OLD2.C4I")).toFile()));
    }

    @Test
    void ignoresC4iWithoutDevicedata() throws Exception {
        assertFalse(installer.canHandle(Files.writeString(temp.resolve("notes.c4i"), "just text").toFile()));
        assertFalse(installer.canHandle(zip("zipped.c4i", "driver.xml").toFile()), "a zip named .c4i");
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
