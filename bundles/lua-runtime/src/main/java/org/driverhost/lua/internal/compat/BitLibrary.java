package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code bit} library of LuaBitOp 1.0.2, which LuaJIT also has built in.
 *
 * <p>All results are signed 32-bit numbers: {@code bit.lshift(1, 31)} is -2147483648, not 2147483648 as
 * {@code bit32} returns. Arguments are normalised as LuaBitOp does: the number plus 2^52 + 2^51 is stored as
 * a double and its low 32 bits are taken, which rounds non-integral values half to even and reduces large
 * values modulo 2^32. Shift counts use their low 5 bits. Strings that convert to numbers are accepted, and
 * other values raise {@code bad argument #n to 'name' (number expected, got type)}.
 */
final class BitLibrary {

    private static final double ROUNDING_BIAS = 6755399441055744.0;
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes();
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes();

    private BitLibrary() {
    }

    /** Creates the {@code bit} table. */
    static LuaTable create() {
        LuaTable bit = new LuaTable();
        for (Operation operation : Operation.values()) {
            bit.set(operation.luaName, new BitFunction(operation));
        }
        return bit;
    }

    /** Normalises a Lua number to a 32-bit integer as LuaBitOp's {@code barg} does. */
    static int toBit(double number) {
        return (int) Double.doubleToRawLongBits(number + ROUNDING_BIAS);
    }

    private enum Operation {
        TOBIT("tobit"), TOHEX("tohex"), BNOT("bnot"), BAND("band"), BOR("bor"), BXOR("bxor"),
        LSHIFT("lshift"), RSHIFT("rshift"), ARSHIFT("arshift"), ROL("rol"), ROR("ror"), BSWAP("bswap");

        final String luaName;

        Operation(String luaName) {
            this.luaName = luaName;
        }
    }

    private static final class BitFunction extends VarArgFunction {

        private final Operation operation;

        BitFunction(Operation operation) {
            this.operation = operation;
            this.name = operation.luaName;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return switch (operation) {
                case TOBIT -> valueOf(bitArgument(args, 1));
                case TOHEX -> toHex(args);
                case BNOT -> valueOf(~bitArgument(args, 1));
                case BAND, BOR, BXOR -> valueOf(fold(args));
                case LSHIFT -> valueOf(bitArgument(args, 1) << bitArgument(args, 2));
                case RSHIFT -> valueOf(bitArgument(args, 1) >>> bitArgument(args, 2));
                case ARSHIFT -> valueOf(bitArgument(args, 1) >> bitArgument(args, 2));
                case ROL -> valueOf(Integer.rotateLeft(bitArgument(args, 1), bitArgument(args, 2)));
                case ROR -> valueOf(Integer.rotateRight(bitArgument(args, 1), bitArgument(args, 2)));
                case BSWAP -> valueOf(Integer.reverseBytes(bitArgument(args, 1)));
            };
        }

        /** Combines the arguments; like LuaBitOp it checks the first, then the others from the last down. */
        private int fold(Varargs args) {
            int result = bitArgument(args, 1);
            for (int i = args.narg(); i > 1; i--) {
                int value = bitArgument(args, i);
                result = switch (operation) {
                    case BAND -> result & value;
                    case BOR -> result | value;
                    default -> result ^ value;
                };
            }
            return result;
        }

        private LuaValue toHex(Varargs args) {
            int value = bitArgument(args, 1);
            int digits = args.narg() < 2 ? 8 : bitArgument(args, 2);
            byte[] alphabet = LOWER_HEX;
            if (digits < 0) {
                // LuaBitOp negates the count in 32-bit arithmetic, so the minimum int stays negative.
                digits = -digits;
                alphabet = UPPER_HEX;
            }
            digits = Math.max(0, Math.min(digits, 8));

            byte[] text = new byte[digits];
            for (int i = digits - 1; i >= 0; i--) {
                text[i] = alphabet[value & 15];
                value >>>= 4;
            }
            return LuaString.valueUsing(text);
        }

        private int bitArgument(Varargs args, int index) {
            LuaValue value = index > args.narg() ? NONE : args.arg(index);
            LuaValue number = value.tonumber();
            if (number.isnil()) {
                throw new LuaError(ArgumentErrors.typeError(index, name, "number", value));
            }
            return toBit(number.todouble());
        }
    }
}
