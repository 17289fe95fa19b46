package org.driverhost.tls.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection once the data already queued for it is written, as drivers expect when they reply
 * and close at once. A client that stops reading could delay that forever, so the close is forced after
 * a timeout.
 */
final class GracefulClose {

    private GracefulClose() {
    }

    static void afterFlush(Channel channel, long timeoutMillis) {
        ScheduledFuture<?> forced = channel.eventLoop().schedule(() -> {
            channel.close();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(future -> forced.cancel(false));
        // The empty write completes after every earlier write, so queued replies reach the client first.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
