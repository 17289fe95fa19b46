package org.driverhost.lua.internal.compat;

import java.lang.reflect.Field;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Extracts the Lua 5.1 error value from a {@link LuaError}.
 *
 * <p>LuaJ 3.0.1 builds messages as "chunk:line message" (a space, where Lua 5.1 prints ": ") and, when
 * its debug library is loaded, appends a stack traceback to the message that {@code pcall} returns. The
 * parts are protected fields of {@code LuaError}, read here by reflection so that the value can be
 * rebuilt as "chunk:line: message". If the fields cannot be read, LuaJ's own message is returned.
 */
final class LuaErrorMessages {

    private static final Field FILELINE = field("fileline");
    private static final Field TRACEBACK = field("traceback");

    private LuaErrorMessages() {
    }

    /** Returns the value that Lua 5.1's {@code pcall} would return for {@code error}. */
    static LuaValue messageObject(LuaError error) {
        if (error instanceof Lua51Error lua51Error) {
            return lua51Error.messageObject();
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
