package org.driverhost.lua.internal.compat;

import java.lang.reflect.Field;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the Lua 5.1 error value from a {@link LuaError}.
 *
 * <p>LuaJ 3.0.1 builds messages as "chunk:line message" (a space, where Lua 5.1 prints ": ") and, when
 * its debug library is loaded, appends a stack traceback to the message that {@code pcall} returns. The
 * parts are protected fields of {@code LuaError}, read here by reflection so that the value can be
 * rebuilt as "chunk:line: message". If the fields cannot be read, LuaJ's own message is returned.
 *
 * <p>A Java exception that escaped a library function reaches Lua as "internal error in a Java function",
 * and its details go to the log, because LuaJ's "vm error: java.lang..." text means nothing to a driver.
 */
final class LuaErrorMessages {

    private static final Logger LOG = LoggerFactory.getLogger(LuaErrorMessages.class);
    private static final String JAVA_FAILURE = "internal error in a Java function";

    private static final Field FILELINE = field("fileline");
    private static final Field TRACEBACK = field("traceback");

    private LuaErrorMessages() {
    }

    /** Returns the value that Lua 5.1's {@code pcall} would return for {@code error}. */
    static LuaValue messageObject(LuaError error) {
        if (error instanceof Lua51Error lua51Error) {
            return lua51Error.messageObject();
        }
        if (error.getCause() != null && !(error.getCause() instanceof LuaError)) {
            LOG.debug("Java exception inside a Lua call, returned to Lua as '{}'", JAVA_FAILURE, error.getCause());
            String fileline = readFileline(error);
            return LuaValue.valueOf(fileline != null ? fileline + ": " + JAVA_FAILURE : JAVA_FAILURE);
        }
        LuaValue object = error.getMessageObject();
        if (object == null) {
            return LuaValue.NIL;
        }
        if (FILELINE == null || TRACEBACK == null || object.type() != LuaValue.TSTRING) {
            return object;
        }
        try {
            return LuaValue.valueOf(rebuild(error));
        } catch (IllegalAccessException e) {
            return object;
        }
    }

    private static String readFileline(LuaError error) {
        try {
            return FILELINE != null ? (String) FILELINE.get(error) : null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static String rebuild(LuaError error) throws IllegalAccessException {
        String fileline = (String) FILELINE.get(error);
        String traceback = (String) TRACEBACK.get(error);
        FILELINE.set(error, null);
        TRACEBACK.set(error, null);
        try {
            String detail = error.getMessage();
            if (detail == null) {
                detail = "nil";
            }
            detail = RuntimeErrorText.toLua51(detail);
            return fileline != null ? fileline + ": " + detail : detail;
        } finally {
            FILELINE.set(error, fileline);
            TRACEBACK.set(error, traceback);
        }
    }

    private static Field field(String name) {
        try {
            Field field = LuaError.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
