package org.driverhost.lua.internal.c4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Keeps the no-op table of docs/COMPATIBILITY.md and the no-ops the runtime installs the same. */
class ProjectNoOpsDocumentationTest {

    // Maven runs the tests in the module folder, bundles/lua-runtime.
    private static final Path DOCUMENT = Path.of("../../docs/COMPATIBILITY.md");
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (`.+`.*) \\|$");
    private static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

    @Test
    void documentedNoOpsMatchRuntime() throws Exception {
        Map<String, String> documented = documentedResults();
        Map<String, String> installed = new TreeMap<>();
        ProjectNoOps.RESULTS.forEach((name, result) -> installed.put(name, describe(result.get())));

        assertEquals(installed, documented);
    }

    /** Reads the rows of the table under "### No-ops": the first column is the result, the second the names. */
    private static Map<String, String> documentedResults() throws Exception {
        String text = Files.readString(DOCUMENT);
        String section = text.substring(text.indexOf("### No-ops"), text.indexOf("### Missing"));
        Map<String, String> results = new TreeMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches() || row.group(1).equals("Returns")) {
                continue;
            }
            String result = row.group(1).replaceAll(" \\(.*\\)$", "");
            Matcher names = NAME.matcher(row.group(2).replaceAll("\\(.*?\\)", ""));
            while (names.find()) {
                results.put(names.group(1), result);
            }
        }
        return results;
    }

    private static String describe(Varargs result) {
        if (result.narg() == 0) {
            return "nothing";
        }
        LuaValue value = result.arg1();
        return switch (value.type()) {
            case LuaValue.TSTRING -> "`\"" + value.tojstring() + "\"`";
            case LuaValue.TTABLE -> "`{}`";
            default -> "`" + value.tojstring() + "`";
        };
    }
}
