package org.driverhost.lua.internal.c4;

import java.util.Locale;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Reads the arguments of {@code C4} functions the way Lua 5.1's C library functions do: a numeric string
 * such as {@code " 8443 "} or {@code "0x3D"} counts as a number, a number counts as a string, and nil or a
 * missing trailing argument takes the default. A wrong argument raises {@link ArgumentException} with a
 * message that names the parameter, the value and what is accepted.
 */
final class LuaArgs {

    // Lua 5.1 converts strings with strtod, or strtoul for hexadecimal, and skips surrounding whitespace.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEXADECIMAL = Pattern.compile("[+-]?0[xX][0-9a-fA-F]{1,15}");
    private static final String LUA_WHITESPACE = " \t\n\u000B\f\r";

    private LuaArgs() {
    }

    /**
     * Returns argument {@code index} as a whole number within {@code min..max}.
     *
     * @param fallback the value of a nil or missing argument
     */
    static long integer(Varargs args, int index, String parameter, long min, long max, long fallback,
            String accepted) throws ArgumentException {
        LuaValue value = args.arg(index);
        if (value.isnil()) {
            return fallback;
        }
        double number = toNumber(value, parameter, accepted);
        if (number != Math.rint(number) || number < min || number > max) {
            throw invalid(parameter, value, accepted);
        }
        return (long) number;
    }

    /**
     * Returns argument {@code index} as a number within {@code min..max}, fractions allowed.
     *
     * @param fallback the value of a nil or missing argument
     */
    static double number(Varargs args, int index, String parameter, double min, double max, double fallback,
            String accepted) throws ArgumentException {
        LuaValue value = args.arg(index);
        if (value.isnil()) {
            return fallback;
        }
        double number = toNumber(value, parameter, accepted);
        if (Double.isNaN(number) || number < min || number > max) {
            throw invalid(parameter, value, accepted);
        }
        return number;
    }

    /** Returns argument {@code index} as the bytes of a Lua string, or an empty array for nil. */
    static byte[] bytes(Varargs args, int index, String parameter, String accepted) throws ArgumentException {
        LuaValue value = args.arg(index);
        if (value.isnil()) {
            return new byte[0];
        }
        if (!value.isstring()) {
            throw invalid(parameter, value, accepted);
        }
        LuaString string = value.checkstring();
        byte[] bytes = new byte[string.length()];
        string.copyInto(0, bytes, 0, bytes.length);
        return bytes;
    }

    /** Returns argument {@code index} as text, or an empty string for nil. */
    static String text(Varargs args, int index, String parameter, String accepted) throws ArgumentException {
        LuaValue value = args.arg(index);
        if (value.isnil()) {
            return "";
        }
        if (!value.isstring()) {
            throw invalid(parameter, value, accepted);
        }
        return value.tojstring();
    }

    /** Returns whether argument {@code index} is a string (and not a number), as Lua's {@code type} reports it. */
    static boolean isLuaString(Varargs args, int index) {
        return args.arg(index).type() == LuaValue.TSTRING;
    }

    private static double toNumber(LuaValue value, String parameter, String accepted) throws ArgumentException {
        if (value.type() == LuaValue.TNUMBER) {
            return value.todouble();
        }
        if (value.type() != LuaValue.TSTRING) {
            throw invalid(parameter, value, accepted);
        }
        String text = strip(value.tojstring());
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (HEXADECIMAL.matcher(text).matches()) {
            boolean negative = text.charAt(0) == '-';
            int digitsStart = text.toLowerCase(Locale.ROOT).indexOf('x') + 1;
            long magnitude = Long.parseLong(text.substring(digitsStart), 16);
            return negative ? -magnitude : magnitude;
        }
        throw invalid(parameter, value, accepted);
    }

    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && LUA_WHITESPACE.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && LUA_WHITESPACE.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Builds a message such as {@code invalid port "abc": expected a number from 0 to 65535}. */
    static ArgumentException invalid(String parameter, LuaValue value, String accepted) {
        return new ArgumentException("invalid " + parameter + " " + describe(value) + ": expected " + accepted);
    }

    private static String describe(LuaValue value) {
        return switch (value.type()) {
            case LuaValue.TSTRING -> "\"" + value.tojstring() + "\"";
            case LuaValue.TNUMBER -> value.tojstring();
            case LuaValue.TNIL -> "(nil)";
            default -> "(a " + value.typename() + ")";
        };
    }
}
