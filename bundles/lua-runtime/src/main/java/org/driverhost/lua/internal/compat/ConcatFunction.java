package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Buffer;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua's {@code ..} operator over all operands of one {@code OP_CONCAT}, with numbers written as Lua 5.1
 * writes them ({@code "%.14g"}). {@link ConcatRewriter} makes compiled code call this function.
 *
 * <p>Operands are joined from the right, as the Lua 5.1 VM does. A pair in which either side is neither a
 * string nor a number goes to LuaJ's {@code concat}, which calls {@code __concat} with the operands
 * unchanged, numbers included.
 */
final class ConcatFunction extends VarArgFunction {

    /** The one instance that rewritten prototypes hold as a constant. */
    static final ConcatFunction INSTANCE = new ConcatFunction();

    private ConcatFunction() {
        this.name = "concat";
    }

    @Override
    public Varargs invoke(Varargs args) {
        int n = args.narg();
        LuaValue result = args.arg(n);
        for (int i = n - 1; i >= 1; i--) {
            result = concat(args.arg(i), result);
        }
        return result;
    }

    private static LuaValue concat(LuaValue left, LuaValue right) {
        if (LuaNumbers.isStringOrNumber(left) && LuaNumbers.isStringOrNumber(right)) {
            Buffer buffer = new Buffer();
            buffer.append(LuaNumbers.numberToString(left).checkstring());
            buffer.append(LuaNumbers.numberToString(right).checkstring());
            return buffer.tostring();
        }
        if (left.metatag(CONCAT).isnil() && right.metatag(CONCAT).isnil()) {
            LuaValue culprit = LuaNumbers.isStringOrNumber(left) ? right : left;
            throw new LuaError("attempt to concatenate a " + culprit.typename() + " value");
        }
        return left.concat(right);
    }
}
