package org.driverhost.lua.internal.c4;

import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerHandle;
import org.driverhost.tls.ServerService;
import org.driverhost.tls.ServerSpec;
import org.slf4j.Logger;

/**
 * The servers one driver has running. Stopping a server in the service is asynchronous; this class waits
 * until each stopped server has reported itself offline, so that the driver can bind the same port again
 * right away (for example after {@code C4:DestroyServer(port)} or across an update).
 */
public final class DriverServers {

    /** How long a stop waits for connections to flush their queued data and close. */
    static final long STOP_TIMEOUT_MILLIS = 10_000;
    /** Long enough for a busy event loop to close the old socket; the retry only runs on "already in use". */
    private static final long RELEASE_RETRY_MILLIS = 10_000;
    private static final long RELEASE_RETRY_PAUSE_NANOS = 5_000_000;

    private final ServerService service;
    private final String owner;
    private final Logger log;
    private final InboundBacklog backlog;
    private final Set<ServerEvents> running = ConcurrentHashMap.newKeySet();
    // UDP servers in the order they were started, so that the UDP form of C4:ServerSend picks the newest.
    private final Deque<ServerEvents> udpServers = new ConcurrentLinkedDeque<>();
    private final Set<Integer> released = ConcurrentHashMap.newKeySet();

    public DriverServers(ServerService service, String owner, Logger log, InboundBacklog backlog) {
        this.service = service;
        this.owner = owner;
        this.log = log;
        this.backlog = backlog;
    }

    ServerHandle start(ServerSpec spec, ServerEvents events) throws ServerException {
        ServerHandle handle = startWhenReleased(spec, events);
        events.whenOffline(() -> {
            running.remove(events);
            udpServers.remove(events);
        });
        running.add(events);
        if (spec.isUdp()) {
            udpServers.addLast(events);
        }
        // The server may have gone offline before the lines above ran; its offline action then found nothing.
        if (events.isOffline()) {
            running.remove(events);
            udpServers.remove(events);
        }
        return handle;
    }

    /** Returns the count of received bytes waiting for the driver, shared by all of its servers. */
    public InboundBacklog backlog() {
        return backlog;
    }

    /** Returns the port of the driver's most recently started UDP server that is still running, or -1. */
    int latestUdpPort() {
        ServerEvents latest = udpServers.peekLast();
        return latest == null ? -1 : latest.port();
    }

    /**
     * Starts the server, retrying for a short time when its port was released by this driver a moment ago.
     * NOTE: the service reports a server offline once Netty has closed its channel. Java NIO closes the socket
     * of a channel registered with a selector only when the event loop next deregisters it, so binding the
     * same port can fail with "already in use" for a few milliseconds after that.
     */
    private ServerHandle startWhenReleased(ServerSpec spec, ServerEvents events) throws ServerException {
        boolean justReleased = spec.port() != 0 && released.remove(spec.port());
        long deadline = System.nanoTime() + RELEASE_RETRY_MILLIS * 1_000_000;
        while (true) {
            try {
                return service.start(spec, events);
            } catch (ServerException e) {
                if (!justReleased || !e.getMessage().contains("already in use") || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(RELEASE_RETRY_PAUSE_NANOS);
            }
        }
    }

    ServerService service() {
        return service;
    }

    /**
     * Stops the driver's servers on {@code port}, TCP and UDP, and waits for them; returns false when the driver
     * has none there.
     */
    boolean destroy(int port) {
        List<ServerEvents> stopping = running.stream().filter(events -> events.port() == port).toList();
        if (!service.destroy(owner, port)) {
            return false;
        }
        await(stopping);
        return true;
    }

    /** Stops every server of the driver and waits until each one has reported itself offline. */
    public void destroyAll() {
        List<ServerEvents> stopping = List.copyOf(running);
        service.destroyAll(owner);
        await(stopping);
    }

    private void await(List<ServerEvents> servers) {
        long deadline = System.nanoTime() + STOP_TIMEOUT_MILLIS * 1_000_000;
        try {
            for (ServerEvents events : servers) {
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                if (events.awaitOffline(left)) {
                    released.add(events.port());
                } else {
                    log.warn("Driver {}: a server did not go offline within {} ms; its port may still be taken",
                            owner, STOP_TIMEOUT_MILLIS);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
