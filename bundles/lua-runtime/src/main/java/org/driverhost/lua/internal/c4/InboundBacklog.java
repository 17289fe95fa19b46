package org.driverhost.lua.internal.c4;

import java.util.HashSet;
import java.util.Set;
import org.driverhost.tls.ServerService;

/**
 * Counts the received bytes that wait in one driver's queue for {@code OnServerDataIn}, and applies
 * back-pressure: above the high-water mark, each connection that delivers more data stops being read; once the
 * driver has worked the queue down to the low-water mark, every paused connection is read again. Network
 * threads never wait here for the driver. Pausing only delays reads, so it drops no byte and keeps their order.
 *
 * <p>A connection is paused only by data that is itself still queued, so the driver always runs at least one
 * more delivery after a pause, and that delivery resumes reading once the queue is short enough.
 */
public final class InboundBacklog {

    private final ServerService service;
    private final long highWaterBytes;
    private final long lowWaterBytes;
    private final Set<Long> paused = new HashSet<>();
    private long pendingBytes;
    private long maxPendingBytes;
    private long pauseCount;

    /**
     * @param highWaterBytes queued bytes above which connections are paused; 0 or less disables back-pressure
     * @param lowWaterBytes queued bytes at or below which paused connections are resumed, at most the high mark
     */
    public InboundBacklog(ServerService service, long highWaterBytes, long lowWaterBytes) {
        this.service = service;
        this.highWaterBytes = highWaterBytes;
        this.lowWaterBytes = Math.min(lowWaterBytes, highWaterBytes);
    }

    /** Counts bytes queued for the driver; called on a network thread before the payload is queued. */
    synchronized void queued(long connection, int bytes) {
        pendingBytes += bytes;
        maxPendingBytes = Math.max(maxPendingBytes, pendingBytes);
        if (highWaterBytes > 0 && pendingBytes > highWaterBytes && paused.add(connection)) {
            pauseCount++;
            service.pauseReading(connection);
        }
    }

    /** Counts bytes the driver has been handed; called on the driver's thread after its callback. */
    synchronized void delivered(int bytes) {
        pendingBytes -= bytes;
        if (pendingBytes <= lowWaterBytes && !paused.isEmpty()) {
            for (long connection : paused) {
                service.resumeReading(connection);
            }
            paused.clear();
        }
    }

    /** Returns the bytes received and not yet handed to the driver. */
    public synchronized long pendingBytes() {
        return pendingBytes;
    }

    /** Returns the largest value {@link #pendingBytes()} has had, for tests and operators' views. */
    public synchronized long maxPendingBytes() {
        return maxPendingBytes;
    }

    /** Returns how many times a connection was paused. */
    public synchronized long pauseCount() {
        return pauseCount;
    }
}
