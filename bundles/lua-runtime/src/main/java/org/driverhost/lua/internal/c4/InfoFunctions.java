package org.driverhost.lua.internal.c4;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code C4:GetDeviceID}, {@code C4:GetDriverConfigInfo}, {@code C4:GetVersionInfo} and
 * {@code C4:GetControllerNetworkAddress}: what a driver learns about itself and the host it runs on.
 */
final class InfoFunctions {

    /** Shown as the version when the runtime runs outside OSGi (unit tests), where no bundle version exists. */
    static final String UNKNOWN_VERSION = "0.0.0";
    private static final String LOOPBACK = "127.0.0.1";

    private final DriverContext driver;

    InfoFunctions(DriverContext driver) {
        this.driver = driver;
    }

    void addTo(LuaTable c4) {
        c4.set("GetDeviceID", new C4Function("GetDeviceID", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                return LuaValue.valueOf((double) driver.deviceId());
            }
        });
        c4.set("GetDriverConfigInfo", new C4Function("GetDriverConfigInfo", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return LuaValue.valueOf(driver.driverConfigInfo(LuaArgs.text(args, 2, "tag", "a string")));
            }
        });
        c4.set("GetVersionInfo", new C4Function("GetVersionInfo", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                return versionInfo();
            }
        });
        c4.set("GetControllerNetworkAddress", new C4Function("GetControllerNetworkAddress", driver.logger()) {
            @Override
            Varargs call(Varargs args) {
                return LuaValue.valueOf(primaryIpv4Address());
            }
        });
    }

    /**
     * Returns a table shaped like a controller's: {@code version} (the DriverHost bundle version, four numbers
     * as in {@code 0.1.0.0}), {@code buildtype}, and {@code product} naming DriverHost for drivers that check it.
     */
    private static LuaTable versionInfo() {
        LuaTable info = new LuaTable();
        info.set("version", fourPartVersion(runtimeVersion()));
        info.set("buildtype", "driverhost");
        info.set("product", "DriverHost");
        info.set("javaversion", Runtime.version().toString());
        return info;
    }

    private static String runtimeVersion() {
        Bundle bundle = FrameworkUtil.getBundle(InfoFunctions.class);
        return bundle == null ? UNKNOWN_VERSION : bundle.getVersion().toString();
    }

    /**
     * Turns an OSGi version such as {@code 0.1.0.SNAPSHOT} into four numbers, because drivers parse the version
     * with patterns such as {@code (%d+)%.(%d+)%.(%d+)%.(%d+)}. A qualifier becomes 0.
     */
    static String fourPartVersion(String version) {
        String[] parts = version.split("\\.");
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String part = i < parts.length ? parts[i] : "0";
            numbers.append(i > 0 ? "." : "").append(part.matches("\\d+") ? part : "0");
        }
        return numbers.toString();
    }

    /**
     * Returns the IPv4 address of the first interface that is up and not a loopback, preferring private
     * (site-local) addresses and skipping link-local ones; {@value #LOOPBACK} when there is none.
     */
    static String primaryIpv4Address() {
        String fallback = null;
        try {
            var all = NetworkInterface.getNetworkInterfaces();
            List<NetworkInterface> interfaces = all == null ? List.of() : Collections.list(all);
            for (NetworkInterface candidate : interfaces) {
                if (!candidate.isUp() || candidate.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(candidate.getInetAddresses())) {
                    if (!(address instanceof Inet4Address) || address.isLinkLocalAddress()) {
                        continue;
                    }
                    if (address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                    if (fallback == null) {
                        fallback = address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            return LOOPBACK;
        }
        return fallback != null ? fallback : LOOPBACK;
    }
}
