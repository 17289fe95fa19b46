package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverState;
import org.driverhost.lua.LogEntry;
import org.junit.jupiter.api.Test;

/** What drivers find besides C4: the json module, PersistData, C4SystemEvents, no-ops and driver.xml variants. */
class ControllerEnvironmentTest extends DriverTestSupport {

    @Test
    void jsonModuleIsProvided() throws Exception {
        String lua = """
                local json = require "json"
                record(json.encode({x = {1, 2}}), json.decode('{"a":[1]}').a[1], json.encode({json.null, 2}))
                record(json.decode("[1,"))
                record(json.encode({b = 1, a = 2}, {indent = true}))
                record(pcall(require, "no.such.module"))
                """;
        deploy(driver("json", lua));

        assertEquals("{\"x\":[1,2]}|1|[null,2]", recorder.next());
        assertEquals("nil|invalid JSON at byte 4: unexpected end of the text, expected a value", recorder.next());
        assertEquals("{\n  \"a\": 2,\n  \"b\": 1\n}", recorder.next());
        String missing = recorder.next();
        assertTrue(missing.startsWith("false|"), missing);
        assertTrue(missing.contains("no module 'no.such.module' provided by DriverHost"), missing);
    }

    @Test
    void driversOwnJsonModuleWins() throws Exception {
        deploy(C4zFiles.driver("Own", "1", "record(require('json').mine)")
                .text("json.lua", "return { mine = 'shipped' }").writeTo(deploy.resolve("own.c4z")));

        assertEquals("shipped", recorder.next());
    }

    @Test
    void systemEventsHaveControllerIds() throws Exception {
        String lua = """
                local count = 0
                for _ in pairs(C4SystemEvents) do count = count + 1 end
                record(C4SystemEvents.OnAll, C4SystemEvents["OnPIP"], C4SystemEvents.OnDirectorIPAddressChanged,
                    C4SystemEvents.OnZigbeeNetworkHealth, count)
                """;
        deploy(driver("events", lua));

        assertEquals("1|6|90|117|117", recorder.next());
    }

    @Test
    void persistDataSurvivesRestartAndUpdate() throws Exception {
        String lua = """
                PersistData.count = (PersistData.count or 0) + 1
                if PersistData.count == 1 then
                  PersistData.nested = {list = {1, "two", true}, bin = "\\0\\255", [7] = 7.5}
                  PersistData.callback = print
                end
                local n = PersistData.nested
                record(PersistData.count, n.list[2], n.list[3], n.bin == "\\0\\255", n[7], type(PersistData.callback))
                """;
        Path c4z = driver("persist", lua);
        deploy(c4z);
        assertEquals("1|two|true|true|7.5|function", recorder.next());

        manager.deactivate();
        manager = newManager();
        deploy(c4z);
        assertEquals("2|two|true|true|7.5|nil", recorder.next(), "restored after a restart, without the function");
        List<LogEntry> log = manager.recentLog("persist");
        assertTrue(log.isEmpty(), "a fresh start has a fresh log: " + log);

        C4zFiles.driver("Env", "2", lua).writeTo(c4z);
        update(c4z);
        assertEquals("3|two|true|true|7.5|nil", recorder.next(), "kept across an update");

        manager.deactivate();
        manager = newManager();
        deploy(c4z);
        assertEquals("4|two|true|true|7.5|nil", recorder.next(), "saved at the update");
        assertTrue(Files.isRegularFile(data.resolve("driverhost/sandbox/persist/.driverhost/PersistData")));
    }

    @Test
    void corruptPersistDataStartsEmpty() throws Exception {
        Path stored = data.resolve("driverhost/sandbox/corrupt/.driverhost/PersistData");
        Files.createDirectories(stored.getParent());
        Files.write(stored, new byte[] {0, 0, 0, 1, 'T', 0x7f, 0, 0, 0});
        deploy(driver("corrupt", "record(type(PersistData), next(PersistData))"));

        assertEquals("table|nil", recorder.next());
        LogEntry error = manager.recentLog("corrupt").get(0);
        assertEquals(LogEntry.Level.ERROR, error.level());
        assertTrue(error.message().contains("PersistData could not be restored"), error.message());
        assertTrue(error.message().contains("invalid length"), error.message());
    }

    @Test
    void projectFunctionsAreNoOpsThatWarnOnce() throws Exception {
        String lua = """
                for i = 1, 3 do C4:SendToProxy(5001, "ON", {}) end
                record(type(C4.SendToProxy), C4.NoSuchFunction, C4["GetProjectItems"](C4), C4:GetBoundProviderDevice(0, 1))
                record(pcall(C4.SetVariable, C4, "x", 1))
                record(C4:AddVariable("x", "0", "NUMBER"), C4:GetVariable(1, 1001), type(C4:GetBoundConsumerDevices(0, 1)))
                record(C4:RoomGetId(), "[" .. C4:GetDeviceDisplayName(1) .. "]")
                """;
        deploy(driver("noops", lua));

        assertEquals("function|nil||0", recorder.next());
        assertEquals("true", recorder.next());
        assertEquals("true|nil|table", recorder.next());
        assertEquals("0|[]", recorder.next());
        List<String> warnings = manager.recentLog("noops").stream()
                .filter(entry -> entry.level() == LogEntry.Level.WARN).map(LogEntry::message).toList();
        assertEquals(1, warnings.stream().filter(message -> message.contains("C4:SendToProxy")).count(), warnings.toString());
        assertTrue(warnings.get(0).contains("does nothing in DriverHost"), warnings.get(0));
    }

    @Test
    void recentLogKeepsLastLines() throws Exception {
        String lua = """
                print("hello", 1, nil)
                C4:ErrorLog("bad thing")
                C4:DebugLog("detail")
                function OnDriverLateInit()
                  for i = 1, 600 do print("line " .. i) end
                  error("late failure")
                end
                """;
        deploy(driver("log", lua));

        List<LogEntry> log = manager.recentLog("log");
        assertEquals(500, log.size());
        assertEquals("line 102", log.get(0).message());
        assertEquals("line 600", log.get(498).message());
        LogEntry last = log.get(499);
        assertEquals(LogEntry.Level.ERROR, last.level());
        assertTrue(last.message().contains("error in OnDriverLateInit"), last.message());
        assertTrue(last.message().contains("late failure"), last.message());
        assertEquals(List.of(), manager.recentLog("unknown"));
    }

    @Test
    void recentLogRecordsLevels() throws Exception {
        deploy(driver("levels", "print('hello', 1, nil) C4:ErrorLog('bad thing') C4:DebugLog('detail')"));

        List<LogEntry> log = manager.recentLog("levels");
        assertEquals(List.of("INFO hello\t1\tnil", "ERROR bad thing", "DEBUG detail"),
                log.stream().map(entry -> entry.level() + " " + entry.message()).toList());
        assertFalse(log.get(0).time().isAfter(log.get(2).time()));
    }

    @Test
    void singleFileC4iDriverRuns() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <devicedata>
                  <name>Single</name>
                  <version>3</version>
                  <config>
                    <script><![CDATA[
                      function OnDriverInit(dit) record("c4i", dit, C4:GetDriverConfigInfo("name"), 1 < 2) end
                    ]]></script>
                  </config>
                </devicedata>
                """;
        Path c4i = Files.writeString(deploy.resolve("single.c4i"), xml);
        deploy(c4i);

        assertEquals("c4i|DIT_ADDING|Single|true", recorder.next());
        DriverInfo info = manager.driver("single").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
        assertEquals("3", info.driverVersion());
    }

    @Test
    void encryptionAttributeOnPlainScriptIsAccepted() throws Exception {
        String xml = C4zFiles.driverXml("Plain", "1", "").replace("<script file=\"driver.lua\"/>",
                "<script file=\"driver.lua\" encryption=\"2\"/>");
        deploy(C4zFiles.driver("Plain", "1", "record('plain ran')").text("driver.xml", xml)
                .writeTo(deploy.resolve("plain.c4z")));
        assertEquals("plain ran", recorder.next());

        Path encrypted = new C4zFiles().text("driver.xml", xml).text("driver.lua", "\u0001\u0002binary\u0000")
                .writeTo(deploy.resolve("secret.c4z"));
        deploy(encrypted);
        DriverInfo info = manager.driver("secret").orElseThrow();
        assertEquals(DriverState.FAILED, info.state());
        assertTrue(info.lastError().contains("is encrypted, which this runtime cannot decrypt"), info.lastError());
    }

    private Path driver(String instance, String lua) throws Exception {
        return C4zFiles.driver("Env", "1", lua).writeTo(deploy.resolve(instance + ".c4z"));
    }
}
