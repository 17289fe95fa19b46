package org.driverhost.lua.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverConfigKeysTest {

    @TempDir
    Path folder;

    @Test
    void instanceNameFromProperty() {
        assertEquals("echo-2", DriverConfigKeys.instanceName("org.driverhost.driver~other", " echo-2 "));
    }

    @Test
    void instanceNameFromNamedConfiguration() {
        assertEquals("echo-2", DriverConfigKeys.instanceName("org.driverhost.driver~echo-2", null));
    }

    @Test
    void instanceNameMissing() {
        assertNull(DriverConfigKeys.instanceName("org.driverhost.driver.1f2e", ""));
    }

    @Test
    void propertyKeysRoundTrip() {
        assertEquals("property.Account Name", DriverConfigKeys.propertyKey("Account Name"));
        assertEquals("Account Name", DriverConfigKeys.propertyName("property.Account Name"));
        assertNull(DriverConfigKeys.propertyName("package"));
        assertNull(DriverConfigKeys.propertyName("property."));
    }

    @Test
    void passwordPropertiesFromDriverXml() throws Exception {
        Files.writeString(folder.resolve("driver.xml"), "<devicedata><config><properties>"
                + "<property><name>User</name><type>STRING</type></property>"
                + "<property><name>Pass</name><type>STRING</type><password>true</password></property>"
                + "<property><name>Pin</name><type>PASSWORD</type></property>"
                + "</properties></config></devicedata>");

        assertEquals(Set.of("Pass", "Pin"), PasswordProperties.of(folder));
    }

    @Test
    void passwordPropertiesIgnoreDoctype() throws Exception {
        Files.writeString(folder.resolve("driver.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<devicedata><config><properties><property><name>&e;</name><password>true</password>"
                + "</property></properties></config></devicedata>");

        assertEquals(Set.of(), PasswordProperties.of(folder));
    }
}
