package org.driverhost.lua.internal.log;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import org.driverhost.lua.LogEntry;
import org.driverhost.lua.LogEntry.Level;
import org.slf4j.Logger;

/**
 * A driver's log: each line goes to SLF4J under the logger {@code driver.<instance>} and into a bounded buffer of
 * the most recent lines, which consoles read through the driver registry.
 */
public final class DriverLog {

    private final Logger logger;
    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<LogEntry> recent;

    /** @param capacity number of lines kept; older lines are dropped first */
    public DriverLog(Logger logger, int capacity, Clock clock) {
        this.logger = logger;
        this.capacity = capacity;
        this.clock = clock;
        this.recent = new ArrayDeque<>(Math.min(capacity, 64));
    }

    public Logger logger() {
        return logger;
    }

    /** Logs a line of the driver's own output ({@code print}) at INFO. */
    public void info(String message) {
        logger.info("{}", message);
        remember(Level.INFO, message);
    }

    public void debug(String message) {
        logger.debug("{}", message);
        remember(Level.DEBUG, message);
    }

    public void error(String message) {
        logger.error("{}", message);
        remember(Level.ERROR, message);
    }

    public void warn(String message) {
        logger.warn("{}", message);
        remember(Level.WARN, message);
    }

    /** Adds a line to the buffer only, for messages the caller has already logged with more detail. */
    public void remember(Level level, String message) {
        String bounded = message.length() > LogEntry.MAX_MESSAGE_CHARS
                ? message.substring(0, LogEntry.MAX_MESSAGE_CHARS) : message;
        LogEntry entry = new LogEntry(clock.instant(), level, bounded);
        synchronized (recent) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(entry);
        }
    }

    /** Returns the buffered lines, oldest first. */
    public List<LogEntry> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
