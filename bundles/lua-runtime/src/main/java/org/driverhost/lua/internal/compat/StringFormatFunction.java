package org.driverhost.lua.internal.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.format} with Lua 5.1.5 semantics on 64-bit Linux.
 *
 * <p>LuaJ 3.0.1 ignores widths and precisions, wraps {@code %d} at 32 bits and prints {@code %g}/{@code %e}
 * in Java notation. This version follows C {@code printf}: {@code %d}/{@code %i} convert through a 64-bit
 * {@code long}, {@code %o %u %x %X} through an unsigned 64-bit {@code long}, {@code %c} through an
 * {@code int}, and numbers given to {@code %s} print as {@code "%.14g"}.
 *
 * <p>Where Lua 5.1 and LuaJIT 2.1 disagree, three choices follow LuaJIT because they keep drivers working
 * and keep binary data intact: {@code %c} of 0 yields one NUL byte (5.1 yields nothing), {@code %s} keeps
 * bytes after an embedded NUL (5.1 cuts the string there), and {@code %s} of a value that is neither a
 * string nor a number prints it as {@code tostring} does (5.1 raises "string expected"). {@code %q}
 * follows 5.1: {@code \r} becomes {@code \r}, NUL becomes {@code \000}.
 */
final class StringFormatFunction extends VarArgFunction {

    private static final String NAME = "format";

    private final LuaValue tostring;

    /** Creates the function; {@code tostring} converts the values given to {@code %s} that are not strings. */
    StringFormatFunction(LuaValue tostring) {
        this.tostring = tostring;
        this.name = NAME;
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaString format = LuaNumbers.checkString(argument(args, 1), 1, NAME);
        byte[] bytes = new byte[format.rawlen()];
        format.copyInto(0, bytes, 0, bytes.length);

        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 16);
        int argument = 1;
        int p = 0;
        while (p < bytes.length) {
            byte b = bytes[p++];
            if (b != '%') {
                out.write(b);
                continue;
            }
            if (p < bytes.length && bytes[p] == '%') {
                out.write('%');
                p++;
                continue;
            }

            argument++;
            if (argument > args.narg()) {
                throw new LuaError(ArgumentErrors.argumentError(argument, NAME, "no value"));
            }
            FormatSpec spec = FormatSpec.parse(bytes, p, bytes.length);
            p = spec.end;
            appendConversion(out, spec, args.arg(argument), argument);
        }
        return LuaString.valueUsing(out.toByteArray());
    }

    private void appendConversion(ByteArrayOutputStream out, FormatSpec spec, LuaValue value, int argument) {
        switch (spec.conversion) {
            case 'c' -> appendCharacter(out, spec, (byte) CPrintf.toCInt(number(value, argument)));
            case 'd', 'i' -> writeAscii(out, CPrintf.formatSigned(spec, CPrintf.toCLong(number(value, argument))));
            case 'o', 'u', 'x', 'X' ->
                    writeAscii(out, CPrintf.formatUnsigned(spec, CPrintf.toCUnsignedLong(number(value, argument))));
            case 'e', 'E', 'f', 'g', 'G' -> writeAscii(out, CPrintf.formatFloating(spec, number(value, argument)));
            case 'q' -> appendQuoted(out, LuaNumbers.checkString(value, argument, NAME));
            case 's' -> appendString(out, spec, stringOf(value));
            default -> throw new LuaError("invalid option '%" + optionText(spec.conversion) + "' to 'format'");
        }
    }

    private static double number(LuaValue value, int argument) {
        return LuaNumbers.checkNumber(value, argument, NAME);
    }

    private LuaString stringOf(LuaValue value) {
        if (value.type() == LuaValue.TSTRING) {
            return value.checkstring();
        }
        LuaValue text = LuaNumbers.isNumber(value) ? LuaNumbers.numberToString(value) : tostring.call(value);
        if (!LuaNumbers.isStringOrNumber(text)) {
            throw new LuaError("'tostring' must return a string to 'format'");
        }
        return LuaNumbers.numberToString(text).checkstring();
    }

    private static void appendCharacter(ByteArrayOutputStream out, FormatSpec spec, byte character) {
        int fill = Math.max(0, spec.width - 1);
        if (!spec.leftAlign) {
            writeAscii(out, " ".repeat(fill));
        }
        out.write(character);
        if (spec.leftAlign) {
            writeAscii(out, " ".repeat(fill));
        }
    }

    private static void appendString(ByteArrayOutputStream out, FormatSpec spec, LuaString text) {
        int length = text.rawlen();
        if (spec.precision >= 0 && spec.precision < length) {
            length = spec.precision;
        }
        int fill = Math.max(0, spec.width - length);
        if (!spec.leftAlign) {
            writeAscii(out, " ".repeat(fill));
        }
        byte[] bytes = new byte[length];
        text.copyInto(0, bytes, 0, length);
        out.writeBytes(bytes);
        if (spec.leftAlign) {
            writeAscii(out, " ".repeat(fill));
        }
    }

    /** Writes a string literal that Lua 5.1 reads back as the same bytes, as its {@code addquoted} does. */
    private static void appendQuoted(ByteArrayOutputStream out, LuaString text) {
        out.write('"');
        for (int i = 0, n = text.rawlen(); i < n; i++) {
            int c = text.luaByte(i);
            switch (c) {
                case '"', '\\', '\n' -> {
                    out.write('\\');
                    out.write(c);
                }
                case '\r' -> writeAscii(out, "\\r");
                case 0 -> writeAscii(out, "\\000");
                default -> out.write(c);
            }
        }
        out.write('"');
    }

    private static String optionText(char conversion) {
        return conversion == '\0' ? "" : String.valueOf(conversion);
    }

    private static LuaValue argument(Varargs args, int index) {
        return index > args.narg() ? NONE : args.arg(index);
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
