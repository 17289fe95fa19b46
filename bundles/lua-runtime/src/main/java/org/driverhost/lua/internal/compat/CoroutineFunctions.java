package org.driverhost.lua.internal.compat;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code coroutine.create}, {@code resume} and {@code wrap} that return a failed coroutine's error as
 * Lua 5.1 does: the error object itself (a table stays a table) and a message "chunk:line: text" without
 * a stack traceback. LuaJ keeps only the Java message text of the error that ended the coroutine.
 */
final class CoroutineFunctions {

    private CoroutineFunctions() {
    }

    static void install(Globals globals, LuaValue coroutine) {
        Map<LuaThread, ErrorCatcher> catchers = Collections.synchronizedMap(new WeakHashMap<>());
        coroutine.set("create", new CreateFunction(globals, catchers));
        coroutine.set("resume", new ResumeFunction(catchers));
        coroutine.set("wrap", new WrapFunction(globals, catchers));
    }

    private static LuaThread newCoroutine(Globals globals, Map<LuaThread, ErrorCatcher> catchers, Varargs args,
            String functionName) {
        LuaValue body = args.arg1();
        if (!body.isfunction()) {
            LuaValue actual = args.narg() == 0 ? LuaValue.NONE : body;
            throw new LuaError(ArgumentErrors.typeError(1, functionName, "function", actual));
        }
        ErrorCatcher catcher = new ErrorCatcher(body);
        LuaThread thread = new LuaThread(globals, catcher);
        catchers.put(thread, catcher);
        return thread;
    }

    /** Replaces LuaJ's error result of a resume with the value that Lua 5.1 returns. */
    private static Varargs resume(Map<LuaThread, ErrorCatcher> catchers, LuaThread thread, Varargs args) {
        Varargs result = thread.resume(args);
        if (result.arg1().toboolean()) {
            return result;
        }
        ErrorCatcher catcher = catchers.get(thread);
        if (catcher == null || catcher.error == null) {
            return result;
        }
        LuaValue error = catcher.error;
        catcher.error = null;
        return LuaValue.varargsOf(LuaValue.FALSE, error);
    }

    /** The coroutine body: runs the Lua function and keeps the Lua 5.1 value of an error that ends it. */
    private static final class ErrorCatcher extends VarArgFunction {

        private final LuaValue body;
        private volatile LuaValue error;

        ErrorCatcher(LuaValue body) {
            this.body = body;
        }

        @Override
        public Varargs invoke(Varargs args) {
            try {
                return body.invoke(args);
            } catch (LuaError e) {
                error = LuaErrorMessages.messageObject(e);
                throw e;
            }
        }
    }

    private static final class CreateFunction extends VarArgFunction {

        private final Globals globals;
        private final Map<LuaThread, ErrorCatcher> catchers;

        CreateFunction(Globals globals, Map<LuaThread, ErrorCatcher> catchers) {
            this.globals = globals;
            this.catchers = catchers;
            this.name = "create";
        }

        @Override
        public Varargs invoke(Varargs args) {
            return newCoroutine(globals, catchers, args, name);
        }
    }

    private static final class ResumeFunction extends VarArgFunction {

        private final Map<LuaThread, ErrorCatcher> catchers;

        ResumeFunction(Map<LuaThread, ErrorCatcher> catchers) {
            this.catchers = catchers;
            this.name = "resume";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue thread = args.arg1();
            if (!(thread instanceof LuaThread coroutine)) {
                LuaValue actual = args.narg() == 0 ? NONE : thread;
                throw new LuaError(ArgumentErrors.typeError(1, name, "coroutine", actual));
            }
            return resume(catchers, coroutine, args.subargs(2));
        }
    }

    private static final class WrapFunction extends VarArgFunction {

        private final Globals globals;
        private final Map<LuaThread, ErrorCatcher> catchers;

        WrapFunction(Globals globals, Map<LuaThread, ErrorCatcher> catchers) {
            this.globals = globals;
            this.catchers = catchers;
            this.name = "wrap";
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaThread thread = newCoroutine(globals, catchers, args, name);
            return new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs resumeArgs) {
                    Varargs result = resume(catchers, thread, resumeArgs);
                    if (result.arg1().toboolean()) {
                        return result.subargs(2);
                    }
                    // Lua 5.1 raises the coroutine's error object again, without a new position.
                    throw new Lua51Error(result.arg(2), 0, null);
                }
            };
        }
    }
}
