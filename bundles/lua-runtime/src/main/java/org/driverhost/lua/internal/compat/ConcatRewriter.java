package org.driverhost.lua.internal.compat;

import java.util.Arrays;

import org.luaj.vm2.LocVars;
import org.luaj.vm2.Lua;
import org.luaj.vm2.Prototype;

/**
 * Rewrites each {@code OP_CONCAT} of a compiled function into a call of {@link ConcatFunction}.
 *
 * <p>LuaJ's interpreter turns numbers into text inside {@code LuaDouble}, which cannot be replaced, so
 * {@code "x=" .. 1/3} would give {@code x=0.33333334}. The instruction {@code CONCAT A B C} becomes:
 * <pre>
 *   MOVE R(C+1) R(C) ... MOVE R(B+1) R(B)   -- shift the operands up by one register
 *   LOADK R(B) K(concat function)
 *   CALL R(B) (C-B+2) 2
 *   MOVE R(A) R(B)                           -- only when A differs from B
 * </pre>
 * The registers above {@code C} are free at a {@code CONCAT}, because the Lua compiler places its operands
 * on top of the active registers. Jump offsets, line numbers and local variable ranges are moved to the
 * new instruction positions. An instruction whose operands reach register 255 or whose function already
 * has 2^18 constants stays as it is, with LuaJ's number text.
 */
final class ConcatRewriter {

    private static final int MAX_REGISTER = Lua.MAXARG_A;
    private static final int MAX_CONSTANT_INDEX = Lua.MAXARG_Bx;

    private ConcatRewriter() {
    }

    /** Rewrites {@code prototype} in place, without its nested functions. */
    static void rewrite(Prototype prototype) {
        int[] code = prototype.code;
        int constantIndex = prototype.k.length;
        boolean[] data = dataWords(code);
        if (!containsRewritableConcat(code, data) || constantIndex > MAX_CONSTANT_INDEX) {
            return;
        }

        int[] newPc = new int[code.length + 1];
        int size = 0;
        for (int pc = 0; pc < code.length; pc++) {
            newPc[pc] = size;
            size += !data[pc] && isRewritable(code[pc]) ? expandedLength(code[pc]) : 1;
        }
        newPc[code.length] = size;

        int[] newCode = new int[size];
        // Stripped chunks (string.dump) carry no line numbers, so their empty array stays as it is.
        boolean hasLines = prototype.lineinfo != null && prototype.lineinfo.length == code.length;
        int[] newLines = hasLines ? new int[size] : prototype.lineinfo;
        int maxStack = prototype.maxstacksize;
        for (int pc = 0; pc < code.length; pc++) {
            int instruction = code[pc];
            int at = newPc[pc];
            int length;
            if (data[pc]) {
                newCode[at] = instruction;
                length = 1;
            } else if (isRewritable(instruction)) {
                length = writeConcatCall(newCode, at, instruction, constantIndex);
                maxStack = Math.max(maxStack, Lua.GETARG_C(instruction) + 2);
            } else {
                newCode[at] = relocateJump(instruction, pc, newPc);
                length = 1;
            }
            if (hasLines) {
                Arrays.fill(newLines, at, at + length, prototype.lineinfo[pc]);
            }
        }

        prototype.code = newCode;
        prototype.lineinfo = newLines;
        prototype.maxstacksize = maxStack;
        prototype.k = Arrays.copyOf(prototype.k, constantIndex + 1);
        prototype.k[constantIndex] = ConcatFunction.INSTANCE;
        relocateLocals(prototype.locvars, newPc);
    }

    private static boolean containsRewritableConcat(int[] code, boolean[] data) {
        for (int pc = 0; pc < code.length; pc++) {
            if (!data[pc] && isRewritable(code[pc])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRewritable(int instruction) {
        return Lua.GET_OPCODE(instruction) == Lua.OP_CONCAT && Lua.GETARG_C(instruction) + 1 <= MAX_REGISTER;
    }

    private static int expandedLength(int instruction) {
        int a = Lua.GETARG_A(instruction);
        int b = Lua.GETARG_B(instruction);
        int c = Lua.GETARG_C(instruction);
        return (c - b + 1) + 2 + (a != b ? 1 : 0);
    }

    private static int writeConcatCall(int[] out, int at, int instruction, int constantIndex) {
        int a = Lua.GETARG_A(instruction);
        int b = Lua.GETARG_B(instruction);
        int c = Lua.GETARG_C(instruction);
        int start = at;

        for (int register = c; register >= b; register--) {
            out[at++] = abc(Lua.OP_MOVE, register + 1, register, 0);
        }
        out[at++] = abx(Lua.OP_LOADK, b, constantIndex);
        out[at++] = abc(Lua.OP_CALL, b, c - b + 2, 2);
        if (a != b) {
            out[at++] = abc(Lua.OP_MOVE, a, b, 0);
        }
        return at - start;
    }

    private static int relocateJump(int instruction, int pc, int[] newPc) {
        int opcode = Lua.GET_OPCODE(instruction);
        if (opcode != Lua.OP_JMP && opcode != Lua.OP_FORLOOP && opcode != Lua.OP_FORPREP
                && opcode != Lua.OP_TFORLOOP) {
            return instruction;
        }
        int target = pc + 1 + Lua.GETARG_sBx(instruction);
        int offset = newPc[target] - (newPc[pc] + 1);
        return (instruction & (Lua.MASK_OP | Lua.MASK_A)) | ((offset + Lua.MAXARG_sBx) << Lua.POS_Bx);
    }

    private static void relocateLocals(LocVars[] locals, int[] newPc) {
        if (locals == null) {
            return;
        }
        for (LocVars local : locals) {
            if (local != null) {
                local.startpc = newPc[Math.min(local.startpc, newPc.length - 1)];
                local.endpc = newPc[Math.min(local.endpc, newPc.length - 1)];
            }
        }
    }

    private static int abc(int opcode, int a, int b, int c) {
        return (opcode << Lua.POS_OP) | (a << Lua.POS_A) | (b << Lua.POS_B) | (c << Lua.POS_C);
    }

    private static int abx(int opcode, int a, int bx) {
        return (opcode << Lua.POS_OP) | (a << Lua.POS_A) | (bx << Lua.POS_Bx);
    }

    /**
     * Marks the words that are data, not instructions: LuaJ's {@code SETLIST} with C = 0 reads its block
     * number from the next word as a plain integer, whose low bits may look like any opcode.
     */
    private static boolean[] dataWords(int[] code) {
        boolean[] data = new boolean[code.length];
        for (int pc = 0; pc < code.length - 1; pc++) {
            if (!data[pc] && Lua.GET_OPCODE(code[pc]) == Lua.OP_SETLIST && Lua.GETARG_C(code[pc]) == 0) {
                data[pc + 1] = true;
            }
        }
        return data;
    }
}
