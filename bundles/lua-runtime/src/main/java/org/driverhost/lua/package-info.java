/**
 * The registry of deployed drivers, for the console and the shell: {@link org.driverhost.lua.DriverRegistry}
 * lists each instance as a {@link org.driverhost.lua.DriverInfo}
 * and returns its recent log lines as {@link org.driverhost.lua.LogEntry} values.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.driverhost.lua;
