package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds {@code .c4z} packages for tests. */
final class C4zFiles {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static C4zFiles driver(String name, String version, String lua) {
        return new C4zFiles().text("driver.xml", driverXml(name, version, "")).text("driver.lua", lua);
    }

    static String driverXml(String name, String version, String properties) {
        return "<devicedata>\n  <name>" + name + "</name>\n  <version>" + version + "</version>\n"
                + "  <manufacturer>DriverHost tests</manufacturer>\n  <model>test</model>\n"
                + "  <config>\n    <script file=\"driver.lua\"/>\n    <properties>" + properties
                + "</properties>\n  </config>\n</devicedata>\n";
    }

    static String property(String name, String defaultValue) {
        return "<property><name>" + name + "</name><type>STRING</type><default>" + defaultValue
                + "</default></property>";
    }

    C4zFiles text(String name, String content) {
        entries.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    C4zFiles file(String name, Path content) throws IOException {
        entries.put(name, Files.readAllBytes(content));
        return this;
    }

    /** Writes the zip to {@code target}, replacing it, and returns the path. */
    Path writeTo(Path target) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
