/**
 * The registry of deployed drivers, for the console and the shell: {@link org.driverhost.lua.DriverRegistry}
 * lists each instance as a {@link org.driverhost.lua.DriverInfo}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.driverhost.lua;
