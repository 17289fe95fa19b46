package org.driverhost.lua.internal.compat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites LuaJ 3.0.1's runtime error texts into Lua 5.1's wording, such as {@code attempt to call nil}
 * into {@code attempt to call a nil value}.
 *
 * <p>NOTE: Lua 5.1 also names the variable ({@code attempt to call global 'f' (a nil value)}), which it
 * reads from the bytecode at the failing instruction. LuaJ does not keep that instruction in the error, so
 * the rewritten text has the 5.1 form that Lua prints when it finds no name.
 */
final class RuntimeErrorText {

    private static final String TYPE = "(nil|boolean|number|string|table|function|thread|userdata)";

    private static final Pattern CALL = Pattern.compile("attempt to call " + TYPE);
    private static final Pattern INDEX = Pattern.compile("attempt to index \\? \\(a " + TYPE + " value\\)");
    private static final Pattern LENGTH = Pattern.compile("attempt to get length of " + TYPE);
    private static final Pattern ARITHMETIC = Pattern.compile(
            "attempt to perform arithmetic (?:'?[_a-z]+'? )?on " + TYPE + "(?: and " + TYPE + ")?");
    private static final Pattern COMPARE = Pattern.compile(
            "attempt to compare (?:__l[te] on )?" + TYPE + "(?: with | and )" + TYPE);

    private RuntimeErrorText() {
    }

    /** Returns the Lua 5.1 wording of {@code message}, or {@code message} when it is not a LuaJ runtime error. */
    static String toLua51(String message) {
        Matcher m = CALL.matcher(message);
        if (m.matches()) {
            return "attempt to call a " + m.group(1) + " value";
        }
        m = INDEX.matcher(message);
        if (m.matches()) {
            return "attempt to index a " + m.group(1) + " value";
        }
        m = LENGTH.matcher(message);
        if (m.matches()) {
            return "attempt to get length of a " + m.group(1) + " value";
        }
        m = ARITHMETIC.matcher(message);
        if (m.matches()) {
            // Lua 5.1 blames the first operand unless it is a number, then the second.
            String blamed = m.group(1);
            if (m.group(2) != null && blamed.equals("number")) {
                blamed = m.group(2);
            }
            return "attempt to perform arithmetic on a " + blamed + " value";
        }
        m = COMPARE.matcher(message);
        if (m.matches()) {
            if (m.group(1).equals(m.group(2))) {
                return "attempt to compare two " + m.group(1) + " values";
            }
            return "attempt to compare " + m.group(1) + " with " + m.group(2);
        }
        return message;
    }
}
