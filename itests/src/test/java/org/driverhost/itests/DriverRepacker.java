package org.driverhost.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Copies a packed driver with some of its text files edited, for tests that need other defaults or a new version. */
final class DriverRepacker {

    private DriverRepacker() {
    }

    /**
     * Writes a copy of {@code c4z} to {@code target}, with each entry named in {@code edits} read as UTF-8 text
     * and replaced by what its function returns. Every other entry is copied unchanged.
     */
    static Path repack(Path c4z, Path target, Map<String, UnaryOperator<String>> edits) throws IOException {
        try (ZipFile packed = new ZipFile(c4z.toFile());
                OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Enumeration<? extends ZipEntry> entries = packed.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                byte[] content = packed.getInputStream(entry).readAllBytes();
                UnaryOperator<String> edit = edits.get(entry.getName());
                if (edit != null) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return target;
    }

    /** Returns an edit of driver.xml that sets the {@code <default>} of the named property. */
    static UnaryOperator<String> propertyDefault(String property, String value) {
        Pattern pattern = Pattern.compile("(<name>" + Pattern.quote(property) + "</name>.*?<default>)[^<]*(</default>)",
                Pattern.DOTALL);
        return xml -> {
            Matcher matcher = pattern.matcher(xml);
            if (!matcher.find()) {
                throw new IllegalArgumentException("driver.xml has no property " + property + " with a <default>");
            }
            return matcher.replaceFirst("$1" + Matcher.quoteReplacement(value) + "$2");
        };
    }

    /** Returns an edit that replaces the only occurrence of {@code from} by {@code to}. */
    static UnaryOperator<String> replace(String from, String to) {
        return text -> {
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalArgumentException("expected exactly one occurrence of " + from);
            }
            return text.replace(from, to);
        };
    }
}
