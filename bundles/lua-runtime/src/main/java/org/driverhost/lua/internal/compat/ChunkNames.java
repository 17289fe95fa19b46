package org.driverhost.lua.internal.compat;

/**
 * Shortens chunk names as Lua 5.1.5's {@code luaO_chunkid} does with {@code LUA_IDSIZE} 60, for error
 * positions such as {@code [string "return x"]:1:}.
 */
final class ChunkNames {

    private static final int ID_SIZE = 60;

    private ChunkNames() {
    }

    /** Returns the short source name for {@code source}: "=name" gives name, "@file" gives file. */
    static String shortName(String source) {
        if (source.startsWith("=")) {
            String name = source.substring(1);
            return name.length() > ID_SIZE - 1 ? name.substring(0, ID_SIZE - 1) : name;
        }
        if (source.startsWith("@")) {
            String file = source.substring(1);
            int room = ID_SIZE - " '...' ".length() - 1;
            return file.length() > room ? "..." + file.substring(file.length() - room) : file;
        }

        int room = ID_SIZE - " [string \"...\"] ".length() - 1;
        int lineEnd = firstLineEnd(source);
        int length = Math.min(lineEnd, room);
        if (length < source.length()) {
            return "[string \"" + source.substring(0, length) + "...\"]";
        }
        return "[string \"" + source + "\"]";
    }

    private static int firstLineEnd(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return source.length();
    }
}
