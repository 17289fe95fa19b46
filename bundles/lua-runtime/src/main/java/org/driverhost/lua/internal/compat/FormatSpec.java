package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaError;

/**
 * One C {@code printf} conversion as Lua 5.1's {@code string.format} accepts it: up to five flags from
 * {@code "-+ #0"}, a width and a precision of at most two digits each, and one conversion letter.
 */
final class FormatSpec {

    private static final String FLAGS = "-+ #0";
    private static final int MAX_FLAGS = FLAGS.length();

    boolean leftAlign;
    boolean plusSign;
    boolean spaceSign;
    boolean alternate;
    boolean zeroPad;
    int width;
    /** Number of digits after the point (or maximum string length), -1 when the format gives none. */
    int precision = -1;
    char conversion;
    /** Index in the format string just past the conversion letter. */
    int end;

    /**
     * Parses the specification that starts at {@code start}, the index just after the {@code %}.
     *
     * @throws LuaError with Lua 5.1's message for too many flags or a width or precision of three digits
     */
    static FormatSpec parse(byte[] format, int start, int length) {
        FormatSpec spec = new FormatSpec();
        int p = start;

        while (p < length && FLAGS.indexOf(format[p]) >= 0) {
            spec.setFlag((char) format[p]);
            p++;
        }
        if (p - start > MAX_FLAGS) {
            throw new LuaError("invalid format (repeated flags)");
        }

        int widthStart = p;
        p = skipDigits(format, p, length);
        spec.width = parseDigits(format, widthStart, p);
        if (p < length && format[p] == '.') {
            p++;
            int precisionStart = p;
            p = skipDigits(format, p, length);
            spec.precision = parseDigits(format, precisionStart, p);
        }
        if (p < length && isDigit(format[p])) {
            throw new LuaError("invalid format (width or precision too long)");
        }

        // At the end of the format, Lua 5.1 reads the terminating NUL of the C string as the conversion.
        spec.conversion = p < length ? (char) (format[p] & 0xff) : '\0';
        spec.end = p + 1;
        return spec;
    }

    private void setFlag(char flag) {
        switch (flag) {
            case '-' -> leftAlign = true;
            case '+' -> plusSign = true;
            case ' ' -> spaceSign = true;
            case '#' -> alternate = true;
            default -> zeroPad = true;
        }
    }

    private static int skipDigits(byte[] format, int p, int length) {
        int limit = Math.min(p + 2, length);
        while (p < limit && isDigit(format[p])) {
            p++;
        }
        return p;
    }

    private static int parseDigits(byte[] format, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (format[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
