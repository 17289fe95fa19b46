package org.driverhost.lua.internal.driver;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.driverhost.lua.internal.log.DriverLog;

/**
 * The standard output and error of a driver's Lua state ({@code io.write}, {@code io.stdout:write}): each line
 * goes to the driver's log instead of the JVM's stdout. A line longer than {@value #MAX_LINE_BYTES} bytes is
 * logged in pieces, so a driver that never writes a newline cannot grow the buffer without bound.
 */
final class LogOutputStream extends OutputStream {

    static final int MAX_LINE_BYTES = 8192;

    private final DriverLog log;
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogOutputStream(DriverLog log, boolean error) {
        this.log = log;
        this.error = error;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            logLine();
            return;
        }
        line.write(b);
        if (line.size() >= MAX_LINE_BYTES) {
            logLine();
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            logLine();
        }
    }

    private void logLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (error) {
            log.warn(text);
        } else {
            log.info(text);
        }
    }
}
