package org.driverhost.lua.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.driverhost.lua.DriverInfo;
import org.driverhost.lua.DriverState;
import org.junit.jupiter.api.Test;

/** Deploying, restarting, updating and failing drivers, without sockets. */
class DriverLifecycleTest extends DriverTestSupport {

    private static final String INIT_RECORDER = """
            function OnDriverInit(dit) record("init", dit) end
            function OnDriverLateInit(dit) record("lateinit", dit) end
            function OnDriverDestroyed(dit) record("destroyed", dit) end
            """;

    @Test
    void firstDeploymentIsAddingThenStartup() throws Exception {
        Path c4z = C4zFiles.driver("Lifecycle", "1", INIT_RECORDER).writeTo(deploy.resolve("life.c4z"));
        deploy(c4z);
        assertEquals("init|DIT_ADDING", recorder.next());
        assertEquals("lateinit|DIT_ADDING", recorder.next());

        manager.deactivate();
        assertEquals("destroyed|DIT_LOADED", recorder.next());

        manager = newManager();
        deploy(c4z);
        assertEquals("init|DIT_STARTUP", recorder.next());
        assertEquals("lateinit|DIT_STARTUP", recorder.next());
    }

    @Test
    void ditGlobalsEqualTheirNames() throws Exception {
        String lua = "record(DIT_ADDING, DIT_STARTUP, DIT_UPDATING, DIT_LOADED, type(C4), type(Properties))";
        deploy(C4zFiles.driver("Globals", "1", lua).writeTo(deploy.resolve("globals.c4z")));
        assertEquals("DIT_ADDING|DIT_STARTUP|DIT_UPDATING|DIT_LOADED|table|table", recorder.next());
    }

    @Test
    void propertiesHoldDefaultsAsStrings() throws Exception {
        String xml = C4zFiles.driverXml("Props", "1", C4zFiles.property("Port", "8443")
                + "<property><name>Mode</name><type>LIST</type><items><item>Fast</item><item>Slow</item></items></property>"
                + "<property><name>Empty</name><type>STRING</type></property>");
        String lua = "record(type(Properties.Port), Properties.Port, Properties.Mode, '[' .. Properties.Empty .. ']')";
        deploy(C4zFiles.driver("Props", "1", lua).text("driver.xml", xml).writeTo(deploy.resolve("props.c4z")));
        assertEquals("string|8443|Fast|[]", recorder.next());
    }

    @Test
    void requireLoadsModulesFromPackageFolders() throws Exception {
        String lua = """
                local utils = require "lib.utils"
                local init = require "helpers"
                record(utils.answer, init.name, require("lib.utils") == utils)
                """;
        deploy(C4zFiles.driver("Modules", "1", lua)
                .text("lib/utils.lua", "return { answer = 42 }")
                .text("helpers/init.lua", "return { name = 'helpers' }")
                .writeTo(deploy.resolve("modules.c4z")));
        assertEquals("42|helpers|true", recorder.next());
    }

    @Test
    void requireCannotLeaveThePackage() throws Exception {
        Files.writeString(deploy.resolve("outside.lua"), "return 1");
        String lua = """
                record(pcall(require, "..outside"))
                record(pcall(dofile, "/etc/hostname"))
                record(luajava == nil, pcall(os.exit, 1))
                """;
        deploy(C4zFiles.driver("Confined", "1", lua).writeTo(deploy.resolve("confined.c4z")));
        assertTrue(recorder.next().startsWith("false|"));
        assertTrue(recorder.next().startsWith("false|"));
        String exit = recorder.next();
        assertTrue(exit.startsWith("true|false|"), exit);
        assertTrue(exit.contains("os.exit is not available to drivers"), exit);
    }

    @Test
    void runawayCallbackIsAbortedAndDriverContinues() throws Exception {
        String lua = """
                function OnDriverInit()
                  while true do pcall(function() while true do end end) end
                end
                function OnDriverLateInit() record("late init ran") end
                """;
        deploy(C4zFiles.driver("Runaway", "1", lua).writeTo(deploy.resolve("runaway.c4z")));

        assertEquals("late init ran", recorder.next());
        DriverInfo info = manager.driver("runaway").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
        assertTrue(info.lastError().contains("OnDriverInit"), info.lastError());
        assertTrue(info.lastError().contains("instruction budget of " + INSTRUCTION_BUDGET), info.lastError());
    }

    @Test
    void syntaxErrorMarksDriverFailed() throws Exception {
        deploy(C4zFiles.driver("Broken", "1", "function OnDriverInit( record('x') end")
                .writeTo(deploy.resolve("broken.c4z")));

        DriverInfo info = manager.driver("broken").orElseThrow();
        assertEquals(DriverState.FAILED, info.state());
        assertTrue(info.lastError().contains("does not compile"), info.lastError());
        assertTrue(info.lastError().contains("driver.lua"), info.lastError());
    }

    @Test
    void errorInMainChunkMarksDriverFailed() throws Exception {
        deploy(C4zFiles.driver("Throws", "1", INIT_RECORDER + "error('top level')")
                .writeTo(deploy.resolve("throws.c4z")));

        DriverInfo info = manager.driver("throws").orElseThrow();
        assertEquals(DriverState.FAILED, info.state());
        assertTrue(info.lastError().contains("top level"), info.lastError());
    }

    @Test
    void zipSlipPackageIsRejected() throws Exception {
        Path c4z = C4zFiles.driver("Slip", "1", INIT_RECORDER)
                .text("../../escaped.lua", "print('escaped')")
                .writeTo(deploy.resolve("slip.c4z"));
        deploy(c4z);

        DriverInfo info = manager.driver("slip").orElseThrow();
        assertEquals(DriverState.FAILED, info.state());
        assertTrue(info.lastError().contains("unsafe entry name \"../../escaped.lua\""), info.lastError());
        assertFalse(Files.exists(data.resolve("escaped.lua")));
        assertFalse(Files.exists(data.resolve("driverhost/escaped.lua")));
        assertFalse(Files.exists(data.resolve("driverhost/packages/slip")));
    }

    @Test
    void rejectedUpdateKeepsRunningVersion() throws Exception {
        Path c4z = C4zFiles.driver("Kept", "1", INIT_RECORDER).writeTo(deploy.resolve("kept.c4z"));
        deploy(c4z);
        recorder.next();
        recorder.next();

        new C4zFiles().text("driver.xml", "<devicedata><name>Kept</name>").writeTo(c4z);
        update(c4z);

        DriverInfo info = manager.driver("kept").orElseThrow();
        assertEquals(DriverState.RUNNING, info.state());
        assertEquals("1", info.driverVersion());
        assertTrue(info.lastError().startsWith("update rejected: invalid driver.xml"), info.lastError());
    }

    @Test
    void updateLoadsChangedModules() throws Exception {
        Path c4z = C4zFiles.driver("Reload", "1", "record('v', require('lib.version'))")
                .text("lib/version.lua", "return 1").writeTo(deploy.resolve("reload.c4z"));
        deploy(c4z);
        assertEquals("v|1", recorder.next());

        C4zFiles.driver("Reload", "2", "record('v', require('lib.version'))")
                .text("lib/version.lua", "return 2").writeTo(c4z);
        update(c4z);
        assertEquals("v|2", recorder.next());
    }

    @Test
    void registryListsDriversByInstanceName() throws Exception {
        deploy(C4zFiles.driver("Second", "2.1", "").writeTo(deploy.resolve("b.c4z")));
        deploy(C4zFiles.driver("First", "1.0", "").writeTo(deploy.resolve("A.C4Z")));

        List<DriverInfo> drivers = manager.drivers();
        assertEquals(List.of("A", "b"), drivers.stream().map(DriverInfo::instanceName).toList());
        assertEquals("First", drivers.get(0).driverName());
        assertEquals("1.0", drivers.get(0).driverVersion());
        assertEquals(DriverState.RUNNING, drivers.get(0).state());
        assertEquals("", drivers.get(0).lastError());
        assertEquals(deploy.resolve("A.C4Z"), drivers.get(0).packageFile());
    }
}
