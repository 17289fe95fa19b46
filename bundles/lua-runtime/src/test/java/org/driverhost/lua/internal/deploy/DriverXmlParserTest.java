package org.driverhost.lua.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverXmlParserTest {

    @TempDir
    Path root;

    private final DriverXmlParser parser = new DriverXmlParser();

    @Test
    void readsIdentityScriptAndProperties() throws Exception {
        write("""
                <devicedata>
                  <name>Echo Server</name>
                  <version>  12 </version>
                  <manufacturer>Acme</manufacturer>
                  <model>E1</model>
                  <config>
                    <script file="main.lua" jit="1"/>
                    <properties>
                      <property><name>Port</name><type>RANGED_INTEGER</type><default>8443</default></property>
                      <property><name>Password</name><type>STRING</type><password>true</password></property>
                    </properties>
                  </config>
                </devicedata>
                """);

        DriverDescription description = parser.parse(root);

        assertEquals("Echo Server", description.name());
        assertEquals("12", description.version());
        assertEquals("Acme", description.manufacturer());
        assertEquals("E1", description.model());
        assertEquals("main.lua", description.script().file());
        assertEquals(Map.of("Port", "8443", "Password", ""), description.propertyDefaults());
    }

    @Test
    void scriptDefaultsToDriverLua() throws Exception {
        write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><devicedata><name>x</name><config/></devicedata>");
        assertEquals("driver.lua", parser.parse(root).script().file());
    }

    @Test
    void scriptFileNameAsElementText() throws Exception {
        Files.writeString(root.resolve("code.lua"), "x = 1");
        write("<devicedata><config><script> code.lua </script></config></devicedata>");
        assertEquals("code.lua", parser.parse(root).script().file());
    }

    @Test
    void inlineScriptCode() throws Exception {
        write("<devicedata><config><script><![CDATA[\nfunction OnDriverInit() end\n]]></script></config></devicedata>");
        DriverDescription.ScriptSource script = parser.parse(root).script();
        assertNull(script.file());
        assertTrue(script.inlineCode().contains("function OnDriverInit() end"));
    }

    @Test
    void doctypeIsRejected() throws Exception {
        Files.writeString(root.resolve("secret.txt"), "secret");
        write("<!DOCTYPE devicedata [<!ENTITY leak SYSTEM \"file://" + root.resolve("secret.txt")
                + "\">]><devicedata><name>&leak;</name></devicedata>");
        PackageException error = assertThrows(PackageException.class, () -> parser.parse(root));
        assertTrue(error.getMessage().contains("DOCTYPE"), error.getMessage());
    }

    @Test
    void otherRootElementIsRejected() throws Exception {
        write("<driver><name>x</name></driver>");
        PackageException error = assertThrows(PackageException.class, () -> parser.parse(root));
        assertEquals("invalid driver.xml: the root element is <driver>, expected <devicedata>", error.getMessage());
    }

    @Test
    void encryptedScriptIsRejected() throws Exception {
        write("<devicedata><config><script file=\"driver.lua\" encryption=\"2\"/></config></devicedata>");
        Files.write(root.resolve("driver.lua"), new byte[] {0x1b, 'L', 'u', 'a', 0x51, 0x00, (byte) 0x9c, 0x02});
        PackageException error = assertThrows(PackageException.class, () -> parser.parse(root));
        assertTrue(error.getMessage().contains("driver.lua is encrypted"), error.getMessage());
    }

    @Test
    void base64BlockDeclaredEncryptedIsRejected() throws Exception {
        String block = "QUJD".repeat(100);
        write("<devicedata><config><script encryption=\"1\">" + block + "</script></config></devicedata>");
        PackageException error = assertThrows(PackageException.class, () -> parser.parse(root));
        assertTrue(error.getMessage().contains("is encrypted"), error.getMessage());
    }

    @Test
    void plainScriptDeclaredEncryptedIsAccepted() throws Exception {
        write("<devicedata><config><script file=\"driver.lua\" encryption=\"2\"/></config></devicedata>");
        Files.writeString(root.resolve("driver.lua"), "-- caf\u00e9\r\nprint('plain')\n");
        assertEquals("driver.lua", parser.parse(root).script().file());
    }

    @Test
    void rootElementsAreConfigInfo() throws Exception {
        write("<devicedata><name>N</name><version> 7 </version><created>01/02/2024</created>"
                + "<minimum_os_version>3.3.0</minimum_os_version><config/></devicedata>");
        DriverDescription description = parser.parse(root);
        assertEquals("7", description.configInfo().get("version"));
        assertEquals("01/02/2024", description.configInfo().get("created"));
        assertEquals("3.3.0", description.configInfo().get("minimum_os_version"));
        assertNull(description.configInfo().get("model"));
    }

    private void write(String xml) throws Exception {
        Files.writeString(root.resolve("driver.xml"), xml);
    }
}
