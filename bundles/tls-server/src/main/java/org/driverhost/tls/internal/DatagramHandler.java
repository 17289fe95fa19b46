package org.driverhost.tls.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.driverhost.tls.ConnectionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each datagram of a UDP server into payloads for the listener. A datagram is a message of its own,
 * so it is split at the delimiter and whatever follows its last delimiter is delivered as it is: a payload
 * never waits for the next datagram, which may come from another sender.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);

    private final RunningServer server;
    private final byte[] delimiter;
    private volatile long handle;

    DatagramHandler(RunningServer server) {
        this.server = server;
        this.delimiter = server.spec().delimiter();
    }

    /** Sets the handle reported with every datagram; called before reading starts. */
    void handle(long value) {
        this.handle = value;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress sender = packet.sender();
        ConnectionInfo from = new ConnectionInfo(handle, server.port(), sender.getAddress().getHostAddress(),
                sender.getPort());
        byte[] content = ByteBufUtil.getBytes(packet.content());
        if (content.length == 0) {
            // An empty datagram carries no payload; OnServerDataIn with an empty string would only confuse drivers.
            return;
        }
        int start = 0;
        if (delimiter.length > 0) {
            for (int end = indexOf(content, start); end >= 0; end = indexOf(content, start)) {
                server.listener().dataReceived(from, slice(content, start, end + delimiter.length));
                start = end + delimiter.length;
            }
        }
        if (start < content.length) {
            server.listener().dataReceived(from, slice(content, start, content.length));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket reports errors such as ICMP port unreachable for an earlier send; the server goes on.
        LOG.debug("{}: socket error: {}", server, cause.toString());
    }

    private int indexOf(byte[] content, int from) {
        outer:
        for (int i = from; i <= content.length - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (content[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] slice(byte[] content, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(content, from, part, 0, part.length);
        return part;
    }
}
