package org.driverhost.tls.internal.framing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A {@link DelimiterFramer} in an {@link EmbeddedChannel}, with its output read back as hex strings. */
final class FramerChannel {

    private final EmbeddedChannel channel;

    FramerChannel(byte[] delimiter, int maxPayloadBytes, long flushTimeoutMillis) {
        channel = new EmbeddedChannel(new DelimiterFramer(delimiter, maxPayloadBytes, flushTimeoutMillis));
        channel.freezeTime();
    }

    static FramerChannel of(String delimiter) {
        return new FramerChannel(bytes(delimiter), 65536, 0);
    }

    EmbeddedChannel channel() {
        return channel;
    }

    /** Writes each chunk as its own read, as separate TLS records would arrive. */
    FramerChannel write(byte[]... chunks) {
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        return this;
    }

    FramerChannel write(String... chunks) {
        for (String chunk : chunks) {
            write(bytes(chunk));
        }
        return this;
    }

    /** Returns the payloads delivered so far, as hex, and releases them. */
    List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        for (ByteBuf payload = channel.readInbound(); payload != null; payload = channel.readInbound()) {
            payloads.add(HexFormat.of().formatHex(ByteBufUtil.getBytes(payload)));
            payload.release();
        }
        return payloads;
    }

    /** Closes the channel, as when the client disconnects, and returns what was delivered since the last read. */
    List<String> closeAndRead() {
        channel.finish();
        return payloads();
    }

    /** Returns the bytes of a string whose characters are all below 0x100, one byte per character. */
    static byte[] bytes(String latin1) {
        byte[] bytes = new byte[latin1.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) latin1.charAt(i);
        }
        return bytes;
    }

    /** Returns the hex form of each string's bytes, for comparison with {@link #payloads()}. */
    static List<String> hex(String... latin1) {
        return Arrays.stream(latin1).map(text -> HexFormat.of().formatHex(bytes(text))).toList();
    }
}
