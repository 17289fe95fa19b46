package org.driverhost.tls.internal.framing;

import static org.driverhost.tls.internal.framing.FramerChannel.bytes;
import static org.driverhost.tls.internal.framing.FramerChannel.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The framer alone in an {@link io.netty.channel.embedded.EmbeddedChannel}, with frozen time. */
class DelimiterFramerTest {

    private static final long FLUSH_MILLIS = 50;

    @Test
    void singleByteDelimiterEndsEachPayload() {
        FramerChannel framer = FramerChannel.of("\n").write("one\ntwo\nthr", "ee\n");

        assertEquals(hex("one\n", "two\n", "three\n"), framer.payloads());
        assertEquals(List.of(), framer.closeAndRead());
    }

    @Test
    void multiByteDelimiterSplitAtEveryBoundary() {
        String stream = "A\r\n\r\r\n\r\nB\r\n\r\n\r\n\r\nC\r\n\r\n";
        List<String> expected = hex("A\r\n\r\r\n\r\n", "B\r\n\r\n", "\r\n\r\n", "C\r\n\r\n");

        for (int first = 0; first <= stream.length(); first++) {
            for (int second = first; second <= stream.length(); second++) {
                FramerChannel framer = FramerChannel.of("\r\n\r\n").write(stream.substring(0, first),
                        stream.substring(first, second), stream.substring(second));

                assertEquals(expected, framer.payloads(), "split at " + first + " and " + second);
                assertEquals(List.of(), framer.closeAndRead(), "split at " + first + " and " + second);
            }
        }
    }

    @Test
    void oneByteAtATimeMatchesOneWrite() {
        String stream = "x<E<EN<END><END>y<EN<END>";
        FramerChannel whole = FramerChannel.of("<END>").write(stream);
        FramerChannel bytewise = FramerChannel.of("<END>");
        for (char c : stream.toCharArray()) {
            bytewise.write(String.valueOf(c));
        }

        List<String> expected = hex("x<E<EN<END>", "<END>", "y<EN<END>");
        assertEquals(expected, whole.payloads());
        assertEquals(expected, bytewise.payloads());
    }

    @Test
    void falseStartThenLastDelimiterByte() {
        FramerChannel framer = FramerChannel.of("\r\n\r\n").write("head\r\n\r", "\n");

        assertEquals(hex("head\r\n\r\n"), framer.payloads());
    }

    @Test
    void falseStartRestartsMatchOnBreakingByte() {
        FramerChannel framer = FramerChannel.of("\r\n\r\n").write("A\r\n\r", "\r\n\r\n");

        assertEquals(hex("A\r\n\r\r\n\r\n"), framer.payloads());
    }

    @Test
    void nulAndHighBytesPassUnchanged() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] withDelimiter = Arrays.copyOf(all, all.length + 2);
        withDelimiter[256] = (byte) 0xFF;
        withDelimiter[257] = (byte) 0xFE;

        FramerChannel framer = new FramerChannel(new byte[] {(byte) 0xFF, (byte) 0xFE}, 65536, 0)
                .write(Arrays.copyOfRange(withDelimiter, 0, 200), Arrays.copyOfRange(withDelimiter, 200, 258));

        assertEquals(List.of(java.util.HexFormat.of().formatHex(withDelimiter)), framer.payloads());
    }

    @Test
    void nulDelimiterSplitsBinary() {
        FramerChannel framer = FramerChannel.of("\0").write("\u0001\u0000\u0000\u00ff\u0080\u0000");

        assertEquals(hex("\u0001\u0000", "\u0000", "\u00ff\u0080\u0000"), framer.payloads());
    }

    @Test
    void repeatedDelimitersAreEmptyPayloads() {
        FramerChannel framer = FramerChannel.of("ab").write("ababa", "bab");

        assertEquals(hex("ab", "ab", "ab", "ab"), framer.payloads());
    }

    @Test
    void longPayloadIsDeliveredInMaximumPieces() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 4, 0).write("abcdef", "ghij\nk");

        assertEquals(hex("abcd", "efgh", "ij\n"), framer.payloads());
        assertEquals(hex("k"), framer.closeAndRead());
    }

    @Test
    void delimiterFoundPastMaximumStillCutsPieces() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 4, 0).write("abcdefghij\n");

        assertEquals(hex("abcd", "efgh", "ij\n"), framer.payloads());
    }

    @Test
    void payloadOfExactlyMaximumKeepsItsDelimiter() {
        FramerChannel framer = new FramerChannel(bytes("\r\n"), 4, 0).write("ab\r\ncd\r\n");

        assertEquals(hex("ab\r\n", "cd\r\n"), framer.payloads());
    }

    @Test
    void flushTimeoutDeliversWaitingBytes() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 65536, FLUSH_MILLIS).write("partial");
        framer.channel().advanceTimeBy(FLUSH_MILLIS - 1, TimeUnit.MILLISECONDS);
        framer.channel().runPendingTasks();

        assertEquals(List.of(), framer.payloads(), "delivered before the timeout");

        framer.channel().advanceTimeBy(1, TimeUnit.MILLISECONDS);
        framer.channel().runPendingTasks();

        assertEquals(hex("partial"), framer.payloads());
        assertEquals(List.of(), framer.closeAndRead(), "flushed bytes delivered again at close");
    }

    @Test
    void flushTimeoutCountsFromLastDeliveredPayload() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 65536, FLUSH_MILLIS).write("a");
        framer.channel().advanceTimeBy(FLUSH_MILLIS - 10, TimeUnit.MILLISECONDS);
        framer.write("\nb");
        framer.channel().advanceTimeBy(10, TimeUnit.MILLISECONDS);
        framer.channel().runPendingTasks();

        assertEquals(hex("a\n"), framer.payloads(), "b waited less than the timeout");

        framer.channel().advanceTimeBy(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        framer.channel().runPendingTasks();

        assertEquals(hex("b"), framer.payloads());
    }

    @Test
    void flushTimeoutThenDelimiterStartsNewPayload() {
        FramerChannel framer = new FramerChannel(bytes("\r\n"), 65536, FLUSH_MILLIS).write("slow\r");
        framer.channel().advanceTimeBy(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        framer.channel().runPendingTasks();
        framer.write("\nnext\r\n");

        assertEquals(hex("slow\r", "\nnext\r\n"), framer.payloads());
    }

    @Test
    void completedPayloadCancelsFlush() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 65536, FLUSH_MILLIS).write("whole", "\n");

        assertFalse(framer.channel().hasPendingTasks(), "a flush is still scheduled with nothing waiting");
        assertEquals(hex("whole\n"), framer.payloads());
    }

    @Test
    void zeroFlushTimeoutWaitsForever() {
        FramerChannel framer = new FramerChannel(bytes("\n"), 65536, 0).write("waiting");
        framer.channel().advanceTimeBy(1, TimeUnit.DAYS);
        framer.channel().runPendingTasks();

        assertEquals(List.of(), framer.payloads());
        assertEquals(hex("waiting"), framer.closeAndRead());
    }

    @Test
    void restIsDeliveredOnceAtClose() {
        FramerChannel framer = FramerChannel.of("\n").write("a\nincomplete");

        assertEquals(hex("a\n"), framer.payloads());
        assertEquals(hex("incomplete"), framer.closeAndRead());
        assertEquals(List.of(), framer.payloads());
    }

    @Test
    void emptyDelimiterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DelimiterFramer(new byte[0], 10, 0));
    }

    @Test
    void maximumShorterThanDelimiterIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DelimiterFramer(bytes("<END>"), 4, 0));
    }
}
