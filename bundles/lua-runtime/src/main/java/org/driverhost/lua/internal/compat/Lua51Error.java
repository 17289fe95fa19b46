package org.driverhost.lua.internal.compat;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * An error raised by Lua's {@code error} function whose message reads as in Lua 5.1.
 *
 * <p>LuaJ fills in {@code fileline} ("chunk:line" of the Lua function that called {@code error}) while the
 * error passes through that function, and joins it to the message with a space. Lua 5.1 joins them with
 * {@code ": "} and adds no position for level 0 or for error objects that are not strings.
 */
final class Lua51Error extends LuaError {

    private static final long serialVersionUID = 1L;

    private final transient LuaValue value;
    private final String fixedPosition;

    /**
     * Creates the error.
     *
     * @param value         the error object given to {@code error}
     * @param level         0 for no position, 1 for the caller's position as LuaJ records it
     * @param fixedPosition a position found for a higher level, or null
     */
    Lua51Error(LuaValue value, int level, String fixedPosition) {
        super(value.isnil() ? null : value.tojstring(), level);
        this.value = value;
        this.fixedPosition = fixedPosition;
    }

    /** Returns the value that {@code pcall} returns: the message with its position, or the error object. */
    LuaValue messageObject() {
        if (value.type() != LuaValue.TSTRING && value.type() != LuaValue.TNUMBER) {
            return value;
        }
        String position = fixedPosition;
        if (position == null && level == 1) {
            position = fileline;
        }
        if (level <= 0 || position == null) {
            return value;
        }
        return LuaValue.valueOf(position + ": ").concat(LuaNumbers.numberToString(value));
    }

    @Override
    public LuaValue getMessageObject() {
        return messageObject();
    }

    @Override
    public String getMessage() {
        LuaValue message = messageObject();
        return message.isnil() ? null : message.tojstring();
    }
}
