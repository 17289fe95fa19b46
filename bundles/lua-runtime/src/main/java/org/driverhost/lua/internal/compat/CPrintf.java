package org.driverhost.lua.internal.compat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats numbers the way glibc's {@code printf} does on 64-bit Linux, which is what Lua 5.1's
 * {@code string.format} and {@code tostring} print there.
 *
 * <p>Decimal digits come from the exact binary value rounded half to even, as glibc rounds in the default
 * rounding mode. Conversions of doubles to C integers follow x86-64 ({@code cvttsd2si}): a value outside
 * the target range becomes {@code 0x8000000000000000}.
 *
 * <p>NaN always prints as {@code nan}, as LuaJIT prints it. Lua 5.1 on x86-64 prints {@code -nan} for
 * {@code 0/0} because the CPU's default NaN has the sign bit set; LuaJ computes {@code 0/0} as Java's NaN
 * constant, whose sign bit is clear, so the sign of a NaN in LuaJ does not follow Lua 5.1 anyway.
 */
final class CPrintf {

    private static final double TWO_POW_63 = 9.223372036854775808E18;

    private CPrintf() {
    }

    /** Converts like a C cast {@code (long) d} compiled for x86-64. */
    static long toCLong(double d) {
        if (Double.isNaN(d) || d >= TWO_POW_63 || d < -TWO_POW_63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** Converts like a C cast {@code (unsigned long) d} compiled by gcc for x86-64. */
    static long toCUnsignedLong(double d) {
        if (d >= TWO_POW_63) {
            // gcc subtracts 2^63, converts, and flips the top bit back.
            return toCLong(d - TWO_POW_63) ^ Long.MIN_VALUE;
        }
        return toCLong(d);
    }

    /** Converts like a C cast {@code (int) d} compiled for x86-64. */
    static int toCInt(double d) {
        if (Double.isNaN(d) || d >= 2147483648.0 || d < -2147483648.0) {
            return Integer.MIN_VALUE;
        }
        return (int) d;
    }

    /** Formats {@code %d} or {@code %i}. */
    static String formatSigned(FormatSpec spec, long value) {
        boolean negative = value < 0;
        String digits = negative ? Long.toUnsignedString(-value) : Long.toString(value);
        digits = applyIntegerPrecision(spec, digits, value == 0);
        return pad(spec, signPrefix(spec, negative), digits, spec.precision < 0);
    }

    /** Formats {@code %o}, {@code %u}, {@code %x} or {@code %X} of a 64-bit unsigned value. */
    static String formatUnsigned(FormatSpec spec, long value) {
        String digits = switch (spec.conversion) {
            case 'o' -> Long.toOctalString(value);
            case 'x' -> Long.toHexString(value);
            case 'X' -> Long.toHexString(value).toUpperCase();
            default -> Long.toUnsignedString(value);
        };
        digits = applyIntegerPrecision(spec, digits, value == 0);

        String prefix = "";
        if (spec.alternate) {
            if (spec.conversion == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if (spec.conversion == 'x' && value != 0) {
                prefix = "0x";
            } else if (spec.conversion == 'X' && value != 0) {
                prefix = "0X";
            }
        }
        return pad(spec, prefix, digits, spec.precision < 0);
    }

    /** Formats {@code %e}, {@code %E}, {@code %f}, {@code %g} or {@code %G}. */
    static String formatFloating(FormatSpec spec, double value) {
        boolean upper = Character.isUpperCase(spec.conversion);
        boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
        String sign = signPrefix(spec, negative);

        if (Double.isNaN(value)) {
            String text = upper ? "NAN" : "nan";
            return pad(spec, signPrefix(spec, false), text, false);
        }
        if (Double.isInfinite(value)) {
            return pad(spec, sign, upper ? "INF" : "inf", false);
        }

        double magnitude = Math.abs(value);
        int precision = spec.precision < 0 ? 6 : spec.precision;
        String body = switch (Character.toLowerCase(spec.conversion)) {
            case 'e' -> exponential(magnitude, precision, spec.alternate, upper);
            case 'f' -> fixed(magnitude, precision, spec.alternate);
            default -> general(magnitude, precision, spec.alternate, upper);
        };
        return pad(spec, sign, body, true);
    }

    /** Formats with {@code "%.14g"}, Lua 5.1's {@code LUAI_NUMFMT}. */
    static String formatNumber14g(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e14) {
            // Integral values below 10^14 print all their digits, so the general path is not needed.
            if (value == 0 && (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0) {
                return "-0";
            }
            return Long.toString((long) value);
        }
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String body = shortGeneral14(Math.abs(value));
        if (body == null) {
            body = general(Math.abs(value), 14, false, false);
        }
        return value < 0 ? "-" + body : body;
    }

    /**
     * Formats a positive normal double with {@code "%.14g"} from {@link Double#toString}, or returns null
     * when that text has more than 14 significant digits.
     *
     * <p>{@code Double.toString} gives a decimal that reads back as the same double, so it lies within half
     * a unit in the last place (at most 2^-53 of the value for normal doubles). A decimal of at most 14
     * digits that close to the exact value is also what rounding the exact value to 14 digits gives,
     * because the 14-digit grid is at least 10^-14 of the value wide. Subnormal values are excluded, as
     * their last place is relatively much larger.
     */
    private static String shortGeneral14(double magnitude) {
        if (magnitude < Double.MIN_NORMAL) {
            return null;
        }
        String text = Double.toString(magnitude);
        int exponentAt = text.indexOf('E');
        String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
        int powerOfTen = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));

        int point = mantissa.indexOf('.');
        String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int leadingZeros = 0;
        while (leadingZeros < digits.length() - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        int end = digits.length();
        while (end > leadingZeros + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        String significant = digits.substring(leadingZeros, end);
        if (significant.length() > 14) {
            return null;
        }

        int exponent = point - 1 - leadingZeros + powerOfTen;
        if (exponent < -4 || exponent >= 14) {
            String fraction = significant.length() > 1 ? "." + significant.substring(1) : "";
            String sign = exponent < 0 ? "-" : "+";
            int absExponent = Math.abs(exponent);
            return significant.charAt(0) + fraction + "e" + sign + (absExponent < 10 ? "0" : "") + absExponent;
        }
        if (exponent < 0) {
            return "0." + "0".repeat(-exponent - 1) + significant;
        }
        if (significant.length() <= exponent + 1) {
            return significant + "0".repeat(exponent + 1 - significant.length());
        }
        return significant.substring(0, exponent + 1) + "." + significant.substring(exponent + 1);
    }

    private static String applyIntegerPrecision(FormatSpec spec, String digits, boolean zero) {
        if (spec.precision == 0 && zero) {
            return "";
        }
        if (spec.precision > digits.length()) {
            return "0".repeat(spec.precision - digits.length()) + digits;
        }
        return digits;
    }

    private static String signPrefix(FormatSpec spec, boolean negative) {
        if (negative) {
            return "-";
        }
        if (spec.plusSign) {
            return "+";
        }
        return spec.spaceSign ? " " : "";
    }

    /** Pads to the width: spaces on the left or right, or zeros after the sign when {@code 0} applies. */
    private static String pad(FormatSpec spec, String prefix, String body, boolean zeroPadAllowed) {
        int fill = spec.width - prefix.length() - body.length();
        if (fill <= 0) {
            return prefix + body;
        }
        if (spec.leftAlign) {
            return prefix + body + " ".repeat(fill);
        }
        if (spec.zeroPad && zeroPadAllowed) {
            return prefix + "0".repeat(fill) + body;
        }
        return " ".repeat(fill) + prefix + body;
    }

    private static String fixed(double magnitude, int precision, boolean alternate) {
        String text = new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return alternate && precision == 0 ? text + "." : text;
    }

    private static String exponential(double magnitude, int precision, boolean alternate, boolean upper) {
        StringBuilder digits = new StringBuilder();
        int exponent = 0;
        if (magnitude == 0) {
            digits.append("0".repeat(precision + 1));
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            exponent = decimalExponent(rounded);
            digits.append(rounded.unscaledValue().toString());
            while (digits.length() < precision + 1) {
                digits.append('0');
            }
            digits.setLength(precision + 1);
        }

        StringBuilder out = new StringBuilder();
        out.append(digits.charAt(0));
        if (precision > 0 || alternate) {
            out.append('.');
        }
        out.append(digits, 1, digits.length());
        out.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        int absExponent = Math.abs(exponent);
        if (absExponent < 10) {
            out.append('0');
        }
        return out.append(absExponent).toString();
    }

    private static String general(double magnitude, int precision, boolean alternate, boolean upper) {
        int significant = precision == 0 ? 1 : precision;
        int exponent = 0;
        if (magnitude != 0) {
            exponent = decimalExponent(new BigDecimal(magnitude).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
        }

        boolean useFixed = exponent < significant && exponent >= -4;
        String text = useFixed
                ? fixed(magnitude, significant - 1 - exponent, alternate)
                : exponential(magnitude, significant - 1, alternate, upper);
        return alternate ? text : stripTrailingZeros(text);
    }

    /** Returns the power of ten of the leading digit of a non-zero value. */
    private static int decimalExponent(BigDecimal value) {
        return value.precision() - value.scale() - 1;
    }

    private static String stripTrailingZeros(String text) {
        int exponentAt = Math.max(text.indexOf('e'), text.indexOf('E'));
        String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
        String suffix = exponentAt < 0 ? "" : text.substring(exponentAt);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + suffix;
    }
}
