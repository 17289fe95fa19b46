package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverState;
import org.junit.jupiter.api.Test;

/**
 * What a driver's Lua code may touch: files only in its package folder (read) and sandbox folder (read and
 * write), no host commands, no Java classes, only {@code debug.traceback}. Each escape fails with a message
 * naming the path or function and the driver keeps running.
 */
class SandboxTest extends DriverTestSupport {

    static final long SANDBOX_MAX_BYTES = 1000;
    static final int SANDBOX_MAX_FILES = 3;

    private static final String READ_RULE = "give a path relative to the driver's package or sandbox folder";
    private static final String WRITE_RULE = "give a path relative to the driver's sandbox folder";
    /** LuaJ's prefix for an IOException that the io library returns as {@code nil, message}. */
    private static final String IO_ERROR = "io error: ";

    @Override
    DriverManager newManager() {
        DriverLimits limits = new DriverLimits(INSTRUCTION_BUDGET, DriverLimits.DEFAULT_BACKLOG_HIGH_WATER_BYTES,
                DriverLimits.DEFAULT_BACKLOG_LOW_WATER_BYTES, SANDBOX_MAX_BYTES, SANDBOX_MAX_FILES);
        return new DriverManager(servers, data, limits, recorder);
    }

    /** Runs each probe in OnDriverLateInit and records its results, or its error with pcall. */
    private void run(String probes) throws Exception {
        String lua = """
                local function try(name, f, ...) record(name, pcall(f, ...)) end
                function OnDriverLateInit()
                """ + probes + """
                  record("alive", "yes")
                end
                """;
        deploy(C4zFiles.driver("Sandboxed", "1", lua)
                .text("data.txt", "from the package\n")
                .writeTo(deploy.resolve("box.c4z")));
    }

    private void assertStillRunning() {
        DriverInfo info = manager.driver("box").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
    }

    @Test
    void absolutePathIsRejected() throws Exception {
        run("""
                  record("open", io.open("/etc/passwd"))
                  try("lines", io.lines, "/etc/passwd")
                  try("dofile", dofile, "/etc/passwd")
                  record("loadfile", loadfile("/etc/passwd"))
                """);
        String reason = "invalid path \"/etc/passwd\": absolute paths are not allowed; ";
        assertEquals("open|nil|" + IO_ERROR + "io.open: " + reason + READ_RULE, recorder.next());
        String lines = recorder.next();
        assertTrue(lines.startsWith("lines|false|"), lines);
        assertTrue(lines.contains("io.open: " + reason + READ_RULE), lines);
        String dofile = recorder.next();
        assertTrue(dofile.startsWith("dofile|false|"), dofile);
        assertTrue(dofile.contains("dofile: " + reason + READ_RULE), dofile);
        assertEquals("loadfile|nil|loadfile: " + reason + READ_RULE, recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertStillRunning();
    }

    @Test
    void parentPathIsRejected() throws Exception {
        run("""
                  record("open", io.open("../x"))
                  record("write", io.open("../x", "w"))
                """);
        String reason = "invalid path \"../x\": paths may not start with '.' or '..'; ";
        assertEquals("open|nil|" + IO_ERROR + "io.open: " + reason + READ_RULE, recorder.next());
        assertEquals("write|nil|" + IO_ERROR + "io.open: " + reason + WRITE_RULE, recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertTrue(Files.notExists(data.resolve("driverhost/sandbox/x")));
    }

    @Test
    void symlinkOutOfSandboxIsRejected() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret\n");
        Path sandbox = Files.createDirectories(data.resolve("driverhost/sandbox/box"));
        Files.createSymbolicLink(sandbox.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("linkdir"), outside);

        run("""
                  record("read", io.open("link.txt"))
                  record("write", io.open("link.txt", "w"))
                  record("new-in-linkdir", io.open("linkdir/new.txt", "w"))
                """);
        assertEquals("read|nil|" + IO_ERROR + "io.open: invalid path \"link.txt\": it resolves outside the driver's package and "
                + "sandbox folders; " + READ_RULE, recorder.next());
        assertEquals("write|nil|" + IO_ERROR + "io.open: invalid path \"link.txt\": it resolves outside the driver's sandbox "
                + "folder; " + WRITE_RULE, recorder.next());
        assertEquals("new-in-linkdir|nil|" + IO_ERROR + "io.open: invalid path \"linkdir/new.txt\": it resolves outside the "
                + "driver's sandbox folder; " + WRITE_RULE, recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertEquals("secret\n", Files.readString(outside.resolve("secret.txt")));
        assertTrue(Files.notExists(outside.resolve("new.txt")));
    }

    @Test
    void packageFolderIsReadOnly() throws Exception {
        run("""
                  local file = io.open("data.txt")
                  record("read", file:read("*l"))
                  file:close()
                  record("write", io.open("data.txt", "w"))
                  record("append", io.open("data.txt", "a"))
                  record("remove", os.remove("data.txt"))
                  record("rename", os.rename("data.txt", "moved.txt"))
                """);
        assertEquals("read|from the package", recorder.next());
        String readOnly = "it is in the driver's package folder, which is read-only; write to another name, which "
                + "is kept in the sandbox folder";
        assertEquals("write|nil|" + IO_ERROR + "io.open: invalid path \"data.txt\": " + readOnly, recorder.next());
        assertEquals("append|nil|" + IO_ERROR + "io.open: invalid path \"data.txt\": " + readOnly, recorder.next());
        assertEquals("remove|nil|os.remove: invalid path \"data.txt\": " + readOnly, recorder.next());
        assertEquals("rename|nil|os.rename: invalid path \"data.txt\": " + readOnly, recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertEquals("from the package\n", Files.readString(data.resolve("driverhost/packages/box/data.txt")));
    }

    @Test
    void sandboxFileRoundTrip() throws Exception {
        run("""
                  local file = io.open("notes.txt", "w")
                  record("write", file:write("hello\\n") == file)
                  file:close()
                  for line in io.lines("notes.txt") do record("line", line) end
                  record("rename", os.rename("notes.txt", "kept.txt"))
                  record("dofile-sandbox", pcall(function()
                    local script = io.open("script.lua", "w")
                    script:write("return 6 * 7")
                    script:close()
                    return dofile("script.lua")
                  end))
                  record("remove", os.remove("script.lua"))
                """);
        assertEquals("write|true", recorder.next());
        assertEquals("line|hello", recorder.next());
        assertEquals("rename|true", recorder.next());
        assertEquals("dofile-sandbox|true|42", recorder.next());
        assertEquals("remove|true", recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertEquals("hello\n", Files.readString(data.resolve("driverhost/sandbox/box/kept.txt")));
        assertTrue(Files.notExists(data.resolve("driverhost/sandbox/box/script.lua")));
    }

    @Test
    void sandboxLimitsRejectLargeAndManyFiles() throws Exception {
        run("""
                  local big = io.open("big.bin", "w")
                  record("big", big:write(string.rep("x", 1001)))
                  record("fits", big:write(string.rep("x", 1000)) == big)
                  record("full", big:write("y"))
                  big:close()
                  for i = 1, 2 do io.open("f" .. i .. ".txt", "w"):close() end
                  record("fourth", io.open("f3.txt", "w"))
                """);
        String full = "failed: the sandbox folder would exceed its limit of 1000 bytes; remove or shorten files first";
        assertEquals("big|nil|" + IO_ERROR + "write to \"big.bin\" " + full, recorder.next());
        assertEquals("fits|true", recorder.next());
        assertEquals("full|nil|" + IO_ERROR + "write to \"big.bin\" " + full, recorder.next());
        assertEquals("fourth|nil|" + IO_ERROR + "io.open: invalid path \"f3.txt\": the sandbox folder already contains 3 files, "
                + "its limit; remove files first", recorder.next());
        assertEquals("alive|yes", recorder.next());
        assertEquals(1000, Files.size(data.resolve("driverhost/sandbox/box/big.bin")));
    }

    @Test
    void hostCommandsAreUnavailable() throws Exception {
        run("""
                  try("execute", os.execute, "touch executed")
                  try("popen", io.popen, "ls")
                  try("exit", os.exit, 1)
                  try("tmpname", os.tmpname)
                  try("tmpfile", io.tmpfile)
                  record("getenv", os.getenv("PATH"))
                """);
        assertTrue(recorder.next().matches("execute\\|false\\|.*os.execute is not available to drivers"));
        assertTrue(recorder.next().matches("popen\\|false\\|.*io.popen is not available to drivers"));
        assertTrue(recorder.next().matches("exit\\|false\\|.*os.exit is not available to drivers"));
        assertTrue(recorder.next().matches("tmpname\\|false\\|.*os.tmpname is not available to drivers.*"));
        assertEquals("tmpfile|true|nil|" + IO_ERROR + "io.tmpfile is not available to drivers; open a file in the sandbox folder "
                + "with io.open", recorder.next());
        assertEquals("getenv|nil", recorder.next(), "the host's environment stays hidden");
        assertEquals("alive|yes", recorder.next());
        assertStillRunning();
    }

    @Test
    void javaClassesAreUnreachable() throws Exception {
        run("""
                  record("luajava", type(luajava))
                  try("require-system", require, "java.lang.System")
                  try("require-luajava", require, "org.luaj.vm2.lib.jse.LuajavaLib")
                  record("loaded-luajava", type(package.loaded.luajava))
                """);
        assertEquals("luajava|nil", recorder.next());
        String system = recorder.next();
        assertTrue(system.startsWith("require-system|false|"), system);
        assertTrue(system.contains("module 'java.lang.System' not found"), system);
        String luajava = recorder.next();
        assertTrue(luajava.startsWith("require-luajava|false|"), luajava);
        assertEquals("loaded-luajava|nil", recorder.next());
        assertEquals("alive|yes", recorder.next());
    }

    @Test
    void debugShowsOnlyTraceback() throws Exception {
        run("""
                  record("traceback", type(debug.traceback), type(debug.traceback("here")))
                  record("hidden", type(debug.sethook), type(debug.getinfo), type(debug.setmetatable),
                    type(debug.getupvalue), type(debug.getregistry))
                  record("required", require("debug") == debug)
                """);
        assertEquals("traceback|function|string", recorder.next());
        assertEquals("hidden|nil|nil|nil|nil|nil", recorder.next());
        assertEquals("required|true", recorder.next());
        assertEquals("alive|yes", recorder.next());
    }

    @Test
    void instructionBudgetStillStopsRunawayLoop() throws Exception {
        String runaway = """
                function OnDriverLateInit() record("start") while true do end end
                """;
        deploy(C4zFiles.driver("Runaway", "1", runaway).writeTo(deploy.resolve("runaway.c4z")));
        assertEquals("start", recorder.next());
        DriverInfo info = manager.driver("runaway").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
        assertTrue(info.lastError().contains("instruction budget of " + INSTRUCTION_BUDGET + " exceeded"),
                info.lastError());
    }

    @Test
    void standardOutputGoesToDriverLog() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run("""
                      io.write("marker from io.write\\n")
                      io.stdout:write("marker from io.stdout\\n")
                      io.stderr:write("marker from io.stderr\\n")
                      print("marker from print")
                    """);
            assertEquals("alive|yes", recorder.next());
        } finally {
            System.setOut(original);
        }
        assertFalse(captured.toString(StandardCharsets.UTF_8).contains("marker from"),
                "driver output reached the JVM's stdout: " + captured);
    }
}
