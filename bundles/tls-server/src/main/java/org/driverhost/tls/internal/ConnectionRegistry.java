package org.driverhost.tls.internal;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Connection handles of the whole service: numbers handed out once, never reused. */
final class ConnectionRegistry {

    private final AtomicLong lastHandle = new AtomicLong();
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

    long register(Channel channel) {
        long handle = lastHandle.incrementAndGet();
        channels.put(handle, channel);
        return handle;
    }

    void unregister(long handle) {
        channels.remove(handle);
    }

    Channel find(long handle) {
        return channels.get(handle);
    }
}
