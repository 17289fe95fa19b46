package org.driverhost.lua.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageUnpackerTest {

    @TempDir
    Path temp;

    private final PackageUnpacker unpacker = new PackageUnpacker(new UnpackLimits(10, 1000, 600));

    @Test
    void unpacksFilesAndFolders() throws Exception {
        Path c4z = zip("ok.c4z", "driver.xml", "<devicedata/>", "lib/", "", "lib/utils.lua", "return {}");
        Path target = temp.resolve("out");

        unpacker.unpack(c4z, target);

        assertEquals("<devicedata/>", Files.readString(target.resolve("driver.xml")));
        assertEquals("return {}", Files.readString(target.resolve("lib/utils.lua")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.lua", "lib/../../evil.lua", "/tmp/evil.lua", "\\evil.lua", "..\\evil.lua",
            "C:/evil.lua", "lib/.."})
    void unsafeEntryNamesAreRejected(String name) throws Exception {
        Path c4z = zip("slip.c4z", "driver.xml", "<devicedata/>", name, "x");
        Path target = temp.resolve("nested/out");

        PackageException error = assertThrows(PackageException.class, () -> unpacker.unpack(c4z, target));

        assertTrue(error.getMessage().startsWith("unsafe entry name \"" + name + "\""), error.getMessage());
        assertFalse(Files.exists(temp.resolve("nested/evil.lua")));
        assertFalse(Files.exists(temp.resolve("evil.lua")));
    }

    @Test
    void entryOverSizeLimitIsRejected() throws Exception {
        Path c4z = zip("big.c4z", "driver.xml", "x".repeat(601));
        PackageException error = assertThrows(PackageException.class, () -> unpacker.unpack(c4z, temp.resolve("o")));
        assertEquals("entry \"driver.xml\" is too large: more than 600 bytes uncompressed", error.getMessage());
    }

    @Test
    void packageOverTotalLimitIsRejected() throws Exception {
        Path c4z = zip("total.c4z", "a", "x".repeat(500), "b", "x".repeat(500), "c", "x".repeat(500));
        PackageException error = assertThrows(PackageException.class, () -> unpacker.unpack(c4z, temp.resolve("o")));
        assertEquals("package is too large: more than 1000 bytes uncompressed in total", error.getMessage());
    }

    @Test
    void packageOverEntryCountIsRejected() throws Exception {
        String[] entries = new String[22];
        for (int i = 0; i < 11; i++) {
            entries[2 * i] = "f" + i;
            entries[2 * i + 1] = "";
        }
        Path c4z = zip("many.c4z", entries);
        PackageException error = assertThrows(PackageException.class, () -> unpacker.unpack(c4z, temp.resolve("o")));
        assertEquals("too many entries: 11 entries, at most 10 are accepted", error.getMessage());
    }

    @Test
    void notAZipIsRejected() throws Exception {
        Path c4z = Files.writeString(temp.resolve("plain.c4z"), "not a zip");
        PackageException error = assertThrows(PackageException.class, () -> unpacker.unpack(c4z, temp.resolve("o")));
        assertTrue(error.getMessage().startsWith("not a readable zip file"), error.getMessage());
    }

    /** Writes a zip of name/content pairs; a name ending in '/' is a folder entry. */
    private Path zip(String fileName, String... namesAndContents) throws IOException {
        Path c4z = temp.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(c4z); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return c4z;
    }
}
