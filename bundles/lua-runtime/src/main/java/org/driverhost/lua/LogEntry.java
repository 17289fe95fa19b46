package org.driverhost.lua;

import java.time.Instant;
import java.util.Objects;

/**
 * One line that a driver logged with {@code print}, {@code C4:ErrorLog} or {@code C4:DebugLog}, or that the
 * runtime logged about the driver (Lua errors, warnings).
 *
 * @param time when the line was logged
 * @param level the line's level: {@code print} is {@link Level#INFO}, {@code C4:ErrorLog} {@link Level#ERROR},
 *     {@code C4:DebugLog} {@link Level#DEBUG}
 * @param message the text, cut to {@value #MAX_MESSAGE_CHARS} characters
 */
public record LogEntry(Instant time, Level level, String message) {

    /** Length beyond which a message is cut, so that one huge line cannot fill the buffer's memory. */
    public static final int MAX_MESSAGE_CHARS = 4096;

    /** Severity of a log line, as in SLF4J. */
    public enum Level {
        DEBUG, INFO, WARN, ERROR
    }

    /** Checks that no component is null. */
    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }
}
