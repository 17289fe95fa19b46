package org.driverhost.tls.internal.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a byte stream into payloads that end with the delimiter, which stays in the payload, wherever TCP
 * segments or TLS records split it. Bytes are never decoded as text and never dropped: a payload that grows
 * past {@code maxPayloadBytes} is delivered in pieces of that size, bytes that wait longer than the flush
 * timeout without a delimiter are delivered as they are, and the rest is delivered once when the
 * connection closes.
 *
 * <p>Netty's {@code DelimiterBasedFrameDecoder} is not used because it discards data that exceeds its
 * maximum frame length and has no flush timeout.
 */
public final class DelimiterFramer extends ByteToMessageDecoder {

    private final byte[] delimiter;
    private final int maxPayloadBytes;
    private final long flushTimeoutNanos;

    /** Bytes at the start of the cumulation already searched without finding a whole delimiter. */
    private int searched;
    private long pendingSinceNanos = -1;
    private ScheduledFuture<?> flushTask;

    /**
     * @param delimiter one or more bytes
     * @param maxPayloadBytes maximum payload size; a longer payload is delivered in pieces of this size
     * @param flushTimeoutMillis time after which waiting bytes are delivered anyway; 0 disables it
     */
    public DelimiterFramer(byte[] delimiter, int maxPayloadBytes, long flushTimeoutMillis) {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("delimiter must have at least one byte");
        }
        if (maxPayloadBytes < delimiter.length) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " is shorter than the delimiter");
        }
        this.delimiter = delimiter.clone();
        this.maxPayloadBytes = maxPayloadBytes;
        this.flushTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(flushTimeoutMillis);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int framesBefore = out.size();
        cutPayloads(in, out);
        trackPending(ctx, in, out.size() > framesBefore);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        cutPayloads(in, out);
        if (in.isReadable()) {
            // The peer is gone: its last bytes are delivered without delimiter rather than dropped.
            out.add(in.readRetainedSlice(in.readableBytes()));
        }
        cancelFlush();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelFlush();
    }

    private void cutPayloads(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int end = indexAfterDelimiter(in);
            if (end >= 0 && end - in.readerIndex() <= maxPayloadBytes) {
                out.add(in.readRetainedSlice(end - in.readerIndex()));
                searched = 0;
            } else if (in.readableBytes() >= maxPayloadBytes) {
                out.add(in.readRetainedSlice(maxPayloadBytes));
                searched = 0;
            } else {
                searched = in.readableBytes();
                return;
            }
        }
    }

    /** Returns the index just past the first delimiter in the readable bytes, or -1. */
    private int indexAfterDelimiter(ByteBuf in) {
        int start = in.readerIndex();
        int limit = in.writerIndex() - delimiter.length;
        // A delimiter may have started in the last bytes searched before, so step back over them.
        int from = Math.max(start, start + searched - (delimiter.length - 1));
        for (int i = from; i <= limit; i++) {
            if (matchesAt(in, i)) {
                return i + delimiter.length;
            }
        }
        return -1;
    }

    private boolean matchesAt(ByteBuf in, int index) {
        for (int k = 0; k < delimiter.length; k++) {
            if (in.getByte(index + k) != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private void trackPending(ChannelHandlerContext ctx, ByteBuf in, boolean deliveredPayload) {
        if (!in.isReadable()) {
            pendingSinceNanos = -1;
            cancelFlush();
            return;
        }
        if (pendingSinceNanos < 0 || deliveredPayload) {
            pendingSinceNanos = ctx.executor().ticker().nanoTime();
        }
        if (flushTimeoutNanos > 0 && flushTask == null) {
            scheduleFlush(ctx, flushTimeoutNanos);
        }
    }

    private void scheduleFlush(ChannelHandlerContext ctx, long delayNanos) {
        flushTask = ctx.executor().schedule(() -> flushIfDue(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void flushIfDue(ChannelHandlerContext ctx) {
        flushTask = null;
        ByteBuf pending = internalBuffer();
        if (pendingSinceNanos < 0 || !pending.isReadable() || ctx.isRemoved()) {
            return;
        }
        long waited = ctx.executor().ticker().nanoTime() - pendingSinceNanos;
        if (waited < flushTimeoutNanos) {
            scheduleFlush(ctx, flushTimeoutNanos - waited);
            return;
        }
        ByteBuf payload = pending.readRetainedSlice(pending.readableBytes());
        searched = 0;
        pendingSinceNanos = -1;
        ctx.fireChannelRead(payload);
        ctx.fireChannelReadComplete();
    }

    private void cancelFlush() {
        if (flushTask != null) {
            flushTask.cancel(false);
            flushTask = null;
        }
    }
}
