package org.driverhost.lua.internal.c4;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code C4:CreateTLSServer}, {@code C4:CreateServer}, {@code C4:ServerSend}, {@code C4:ServerCloseClient} and
 * {@code C4:DestroyServer} of one driver. Data, delimiters and passwords stay bytes from the Lua string to the
 * socket; they never pass through a Java {@code String}.
 *
 * <p>UDP: {@code OnServerDataIn} receives each datagram, split at the delimiter, with the UDP server's handle
 * (one number per server, shared by all senders) and the sender's address and port. The UDP form of
 * {@code C4:ServerSend(remotePort, data, remoteAddress)} sends from the driver's most recently created UDP
 * server that is still running.
 */
final class ServerFunctions {

    static final String PORT_RANGE = "a number from 0 to 65535";
    private static final String REMOTE_PORT = "a port number from 1 to 65535";
    private static final String BITS = "a number from 0 to 0xFFFFFFFF";
    private static final String TEXT = "a string";
    private static final String PEM = "a string: PEM text or a path relative to the driver's package or sandbox folder";

    private final DriverContext driver;
    private final DriverServers servers;
    private final AtomicBoolean initWarningLogged = new AtomicBoolean();

    ServerFunctions(DriverContext driver, DriverServers servers) {
        this.driver = driver;
        this.servers = servers;
    }

    void addTo(LuaTable c4) {
        c4.set("CreateTLSServer", new C4Function("CreateTLSServer", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return createTlsServer(args);
            }
        });
        c4.set("CreateServer", new C4Function("CreateServer", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return createServer(args);
            }
        });
        c4.set("ServerSend", new C4Function("ServerSend", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return send(args);
            }
        });
        c4.set("ServerCloseClient", new C4Function("ServerCloseClient", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return closeClient(args);
            }
        });
        c4.set("DestroyServer", new C4Function("DestroyServer", driver.logger()) {
            @Override
            Varargs call(Varargs args) throws ArgumentException {
                return destroy(args);
            }
        });
    }

    /** (port, delimiter, options, verifyMode, cipherList, certificate, privateKey, password, chain, identifier). */
    private Varargs createTlsServer(Varargs args) throws ArgumentException {
        int port = requiredPort(args, "CreateTLSServer");
        ServerSpec.Builder spec = ServerSpec.tls(driver.instanceName(), port)
                .delimiter(LuaArgs.bytes(args, 3, "delimiter", TEXT))
                .options(unsigned32(LuaArgs.integer(args, 4, "options", Integer.MIN_VALUE, 0xFFFFFFFFL, 0, BITS)))
                .verifyMode(unsigned32(LuaArgs.integer(args, 5, "verifyMode", Integer.MIN_VALUE, 0xFFFFFFFFL, 0, BITS)))
                .cipherList(LuaArgs.text(args, 6, "cipherList", TEXT))
                .certificate(LuaArgs.text(args, 7, "certificate", PEM))
                .privateKey(LuaArgs.text(args, 8, "privateKey", PEM))
                .password(sealPassword(args, 9))
                .chain(LuaArgs.text(args, 10, "chain", PEM));
        return start("CreateTLSServer", spec, args.arg(11));
    }

    /**
     * Reads the port of a new server. A missing port is an error rather than 0, because a driver that passes a
     * nil property value (or calls with a dot instead of a colon) would otherwise get a random port silently.
     */
    private static int requiredPort(Varargs args, String function) throws ArgumentException {
        if (!args.arg(1).istable()) {
            throw new ArgumentException("C4:" + function + " was called with a dot: call it with a colon, C4:"
                    + function + "(port, ...), so that C4 itself is the first argument");
        }
        if (args.arg(2).isnil()) {
            throw LuaArgs.invalid("port", args.arg(2), PORT_RANGE + " (0 picks a free port)");
        }
        return (int) LuaArgs.integer(args, 2, "port", 0, 65535, 0, PORT_RANGE);
    }

    /** (port, delimiter, useUDP, identifier). */
    private Varargs createServer(Varargs args) throws ArgumentException {
        int port = requiredPort(args, "CreateServer");
        byte[] delimiter = LuaArgs.bytes(args, 3, "delimiter", TEXT);
        boolean udp = args.arg(4).toboolean();
        String owner = driver.instanceName();
        ServerSpec.Builder spec = udp ? ServerSpec.udp(owner, port) : ServerSpec.plain(owner, port);
        spec.delimiter(delimiter);
        return start("CreateServer", spec, args.arg(5));
    }

    private Varargs start(String function, ServerSpec.Builder spec, LuaValue identifier) {
        warnWhenInDriverInit(function);
        spec.identifier(identifier.isnil() ? null : identifier.tojstring()).fileRoots(driver.fileRoots());
        try {
            servers.start(spec.build(), new ServerEvents(driver, identifier, servers.backlog()));
            return LuaValue.TRUE;
        } catch (ServerException e) {
            driver.logger().warn("Driver {}: C4:{} failed: {}", driver.instanceName(), function, e.getMessage());
            return C4Function.failure(e.getMessage());
        }
    }

    /** (handle, data [, length]) for TCP; a string third argument marks the UDP form (remotePort, data, address). */
    private Varargs send(Varargs args) throws ArgumentException {
        if (LuaArgs.isLuaString(args, 4)) {
            return sendDatagram(args);
        }
        long handle = LuaArgs.integer(args, 2, "handle", 1, Long.MAX_VALUE, -1, "a connection handle number");
        if (handle < 0) {
            throw LuaArgs.invalid("handle", args.arg(2), "a connection handle number");
        }
        if (args.arg(3).isnil()) {
            throw LuaArgs.invalid("data", args.arg(3), "a string");
        }
        byte[] data = LuaArgs.bytes(args, 3, "data", "a string");
        if (!servers.service().send(handle, data)) {
            return C4Function.failure("invalid handle " + handle + ": the connection is closed or unknown");
        }
        return LuaValue.TRUE;
    }

    /** (remotePort, data, remoteAddress): one datagram from the driver's newest UDP server. */
    private Varargs sendDatagram(Varargs args) throws ArgumentException {
        int remotePort = (int) LuaArgs.integer(args, 2, "remotePort", 1, 65535, -1, REMOTE_PORT);
        if (remotePort < 0) {
            throw LuaArgs.invalid("remotePort", args.arg(2), REMOTE_PORT);
        }
        byte[] data = LuaArgs.bytes(args, 3, "data", "a string");
        String address = LuaArgs.text(args, 4, "remoteAddress", "a string with an IP address");
        InetSocketAddress recipient;
        try {
            // NOTE: a host name instead of an IP address is resolved here, on the driver's thread.
            recipient = new InetSocketAddress(InetAddress.getByName(address), remotePort);
        } catch (UnknownHostException e) {
            return C4Function.failure("invalid remoteAddress \"" + address + "\": not an IP address or known host name");
        }
        int serverPort = servers.latestUdpPort();
        if (serverPort < 0) {
            return C4Function.failure("C4:ServerSend with a remote address sends UDP, but this driver has no UDP "
                    + "server; call C4:CreateServer(port, delimiter, true) first");
        }
        if (!servers.service().sendDatagram(driver.instanceName(), serverPort, recipient, data)) {
            return C4Function.failure("the UDP server on port " + serverPort + " is closed");
        }
        return LuaValue.TRUE;
    }

    private Varargs closeClient(Varargs args) throws ArgumentException {
        long handle = LuaArgs.integer(args, 2, "handle", 1, Long.MAX_VALUE, -1, "a connection handle number");
        if (handle >= 0) {
            servers.service().close(handle);
        }
        return LuaValue.NONE;
    }

    private Varargs destroy(Varargs args) throws ArgumentException {
        if (args.arg(2).isnil()) {
            servers.destroyAll();
            return LuaValue.TRUE;
        }
        int port = (int) LuaArgs.integer(args, 2, "port", 0, 65535, 0, PORT_RANGE);
        if (!servers.destroy(port)) {
            return C4Function.failure("invalid port " + port + ": this driver has no server on it");
        }
        return LuaValue.TRUE;
    }

    private static SealedPassword sealPassword(Varargs args, int index) throws ArgumentException {
        byte[] clear = LuaArgs.bytes(args, index, "password", TEXT);
        try {
            return SealedPassword.seal(clear);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /** Maps a negative 32-bit value, as LuaBitOp returns for bit 31, to the unsigned bits it stands for. */
    private static long unsigned32(long value) {
        return value & 0xFFFFFFFFL;
    }

    private void warnWhenInDriverInit(String function) {
        if ("OnDriverInit".equals(driver.currentCallback()) && initWarningLogged.compareAndSet(false, true)) {
            driver.logger().warn("Driver {}: C4:{} called in OnDriverInit; DriverWorks advises creating servers "
                    + "in OnDriverLateInit. It works here, but may not on a controller", driver.instanceName(), function);
        }
    }
}
