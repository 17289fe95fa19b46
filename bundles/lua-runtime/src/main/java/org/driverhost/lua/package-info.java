/** The registry of deployed drivers, for the console and the shell. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.driverhost.lua;
