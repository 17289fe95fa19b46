package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.UpValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code getfenv} and {@code setfenv} mapped onto Lua 5.2's {@code _ENV} upvalue.
 *
 * <p>What works as in Lua 5.1: {@code setfenv(f, t)} on a Lua function changes the globals that {@code f}
 * and the functions it creates afterwards see, without touching other functions of the same chunk (the
 * function gets its own {@code _ENV} upvalue cell). {@code getfenv(f)} returns that table.
 *
 * <p>Where LuaJ cannot follow Lua 5.1:
 * <ul>
 * <li>Stack levels ({@code getfenv()}, {@code getfenv(1)}, {@code setfenv(2, t)}) need LuaJ's debug
 * library, which tracks the call stack; without it {@code setfenv} with a level raises an error and
 * {@code getfenv} with a level returns the globals table.</li>
 * <li>Level 0 (the thread's environment) is the globals table and cannot be replaced:
 * {@code setfenv(0, t)} raises an error.</li>
 * <li>A Lua function that reads no global has no {@code _ENV} upvalue; {@code setfenv} on it is accepted
 * and has no effect, and {@code getfenv} returns the globals table.</li>
 * <li>Java functions have no environment: {@code getfenv} returns the globals table and {@code setfenv}
 * raises Lua 5.1's error.</li>
 * </ul>
 */
final class FunctionEnvironments {

    private static final LuaString ENV = LuaString.valueOf("_ENV");

    private final Globals globals;
    private final StackInspector stack;

    FunctionEnvironments(Globals globals, StackInspector stack) {
        this.globals = globals;
        this.stack = stack;
    }

    void install() {
        globals.set("getfenv", new GetfenvFunction());
        globals.set("setfenv", new SetfenvFunction());
    }

    /** Returns the environment of {@code function}, or the globals table if it has none. */
    LuaValue environmentOf(LuaValue function) {
        if (function instanceof LuaClosure closure) {
            int index = envUpvalueIndex(closure);
            if (index >= 0) {
                return closure.upValues[index].getValue();
            }
        }
        return globals;
    }

    /** Gives {@code closure} its own {@code _ENV} cell holding {@code environment}. */
    static void setEnvironment(LuaClosure closure, LuaValue environment) {
        int index = envUpvalueIndex(closure);
        if (index >= 0) {
            closure.upValues[index] = new UpValue(new LuaValue[] {environment}, 0);
        }
    }

    /** Returns the function at a stack level, or throws the 5.1 error for an invalid level. */
    LuaValue functionAtLevel(int level, String functionName) {
        if (level < 0) {
            throw new LuaError(ArgumentErrors.argumentError(1, functionName, "level must be non-negative"));
        }
        LuaValue function = stack.functionAt(level);
        if (function.isnil()) {
            throw new LuaError(ArgumentErrors.argumentError(1, functionName, "invalid level"));
        }
        return function;
    }

    private static int envUpvalueIndex(LuaClosure closure) {
        if (closure.p.upvalues == null) {
            return -1;
        }
        for (int i = 0; i < closure.p.upvalues.length; i++) {
            if (ENV.equals(closure.p.upvalues[i].name) && i < closure.upValues.length) {
                return i;
            }
        }
        return -1;
    }

    private final class GetfenvFunction extends VarArgFunction {

        GetfenvFunction() {
            this.name = "getfenv";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue target = args.narg() == 0 ? ONE : args.arg1();
            if (target.isfunction()) {
                return environmentOf(target);
            }
            int level = (int) LuaNumbers.checkNumber(target, 1, name);
            if (level == 0 || !stack.available()) {
                return globals;
            }
            return environmentOf(functionAtLevel(level, name));
        }
    }

    private final class SetfenvFunction extends VarArgFunction {

        SetfenvFunction() {
            this.name = "setfenv";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue environment = args.arg(2);
            if (!environment.istable()) {
                LuaValue actual = args.narg() < 2 ? NONE : environment;
                throw new LuaError(ArgumentErrors.typeError(2, name, "table", actual));
            }

            LuaValue target = args.arg1();
            if (!target.isfunction()) {
                int level = (int) LuaNumbers.checkNumber(target, 1, name);
                if (level == 0) {
                    throw new LuaError("'setfenv' cannot change the environment of the thread on LuaJ");
                }
                if (!stack.available()) {
                    throw new LuaError("'setfenv' with a stack level needs LuaJ's debug library; pass a function");
                }
                target = functionAtLevel(level, name);
            }
            if (!(target instanceof LuaClosure closure)) {
                throw new LuaError("'setfenv' cannot change environment of given object");
            }
            setEnvironment(closure, environment);
            return target;
        }
    }
}
