package org.driverhost.lua.internal.compat;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code error}, {@code pcall} and {@code xpcall} with Lua 5.1 semantics on LuaJ 3.0.1.
 *
 * <p>Differences from LuaJ that these fix: error messages carry the position as "chunk:line: message";
 * {@code pcall} returns the message without a stack traceback; an error caught by a {@code pcall} inside
 * an {@code xpcall} no longer runs the outer handler; the {@code xpcall} handler receives the error object
 * itself (a table stays a table) and its return value, of any type, is what {@code xpcall} returns; and
 * {@code xpcall} calls the function without arguments, as 5.1 ignores arguments after the handler.
 *
 * <p>The handler runs where the error is raised, before the stack unwinds, whenever the error passes
 * through a Lua function (LuaJ's error hook), so {@code debug.traceback} in it shows the failing frames.
 * NOTE: an error raised by a Java function called directly by {@code xpcall}, for example
 * {@code xpcall(error, h)}, reaches the handler only after the stack has unwound.
 *
 * <p>NOTE: {@code error(message, level)} with a level of 2 or more gets its position from
 * {@code debug.getinfo}, so it carries no position when LuaJ's debug library is not loaded.
 */
final class ProtectedCallFunctions {

    private static final String ERROR_IN_ERROR_HANDLING = "error in error handling";

    private ProtectedCallFunctions() {
    }

    /** Sets {@code error}, {@code pcall} and {@code xpcall} in {@code globals}. */
    static void install(Globals globals, StackInspector stack) {
        globals.set("error", new ErrorFunction(globals, stack));
        globals.set("pcall", new PcallFunction(globals));
        globals.set("xpcall", new XpcallFunction(globals));
    }

    private static final class ErrorFunction extends VarArgFunction {

        private final Globals globals;
        private final StackInspector stack;

        ErrorFunction(Globals globals, StackInspector stack) {
            this.globals = globals;
            this.stack = stack;
            this.name = "error";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue value = args.arg1();
            int level = args.isnil(2) ? 1 : (int) LuaNumbers.checkNumber(args.arg(2), 2, name);
            String position = level >= 2 ? stack.positionAt(level) : null;

            LuaValue handler = globals.running.errorfunc;
            if (handler instanceof HandlerAdapter adapter) {
                adapter.pendingObject = value;
            }
            throw new Lua51Error(value, level, position);
        }
    }

    private static final class PcallFunction extends VarArgFunction {

        private final Globals globals;

        PcallFunction(Globals globals) {
            this.globals = globals;
            this.name = "pcall";
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() == 0) {
                throw new LuaError(ArgumentErrors.argumentError(1, name, "value expected"));
            }
            LuaThread thread = globals.running;
            LuaValue outerHandler = thread.errorfunc;
            thread.errorfunc = null;
            if (globals.debuglib != null) {
                globals.debuglib.onCall(this);
            }
            try {
                return varargsOf(TRUE, args.arg1().invoke(args.subargs(2)));
            } catch (LuaError e) {
                return varargsOf(FALSE, LuaErrorMessages.messageObject(e));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, valueOf("stack overflow"));
            } finally {
                if (globals.debuglib != null) {
                    globals.debuglib.onReturn();
                }
                thread.errorfunc = outerHandler;
            }
        }
    }

    private static final class XpcallFunction extends VarArgFunction {

        private final Globals globals;

        XpcallFunction(Globals globals) {
            this.globals = globals;
            this.name = "xpcall";
        }

        @Override
        public Varargs invoke(Varargs args) {
            if (args.narg() < 2) {
                throw new LuaError(ArgumentErrors.argumentError(2, name, "value expected"));
            }
            LuaValue function = args.arg1();
            HandlerAdapter adapter = new HandlerAdapter(args.arg(2));

            LuaThread thread = globals.running;
            LuaValue outerHandler = thread.errorfunc;
            thread.errorfunc = adapter;
            if (globals.debuglib != null) {
                globals.debuglib.onCall(this);
            }
            try {
                return varargsOf(TRUE, function.invoke(NONE));
            } catch (LuaError e) {
                return varargsOf(FALSE, adapter.resultFor(e));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, adapter.resultFor(new LuaError("stack overflow")));
            } finally {
                if (globals.debuglib != null) {
                    globals.debuglib.onReturn();
                }
                thread.errorfunc = outerHandler;
            }
        }
    }

    /**
     * The function LuaJ calls as its error hook while an {@code xpcall} runs. It calls the Lua handler once
     * and keeps the result, because LuaJ would turn the result into a Java string.
     */
    private static final class HandlerAdapter extends VarArgFunction {

        private final LuaValue handler;
        /** The object most recently given to {@code error}, which LuaJ passes to the hook only as text. */
        LuaValue pendingObject;
        private LuaValue result;
        private boolean called;

        HandlerAdapter(LuaValue handler) {
            this.handler = handler;
        }

        @Override
        public Varargs invoke(Varargs args) {
            // LuaJ passes only the message text, so a table given to error is taken from where it was stored.
            boolean objectLost = pendingObject != null && !LuaNumbers.isStringOrNumber(pendingObject);
            return run(objectLost ? pendingObject : args.arg1());
        }

        LuaValue resultFor(LuaError error) {
            if (called) {
                return result;
            }
            return run(LuaErrorMessages.messageObject(error));
        }

        private LuaValue run(LuaValue message) {
            if (called) {
                return result;
            }
            called = true;
            try {
                result = handler.call(message);
            } catch (LuaError | StackOverflowError e) {
                result = valueOf(ERROR_IN_ERROR_HANDLING);
            }
            return result;
        }
    }
}
