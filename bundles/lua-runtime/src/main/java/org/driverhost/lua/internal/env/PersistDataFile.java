package org.driverhost.lua.internal.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.driverhost.lua.internal.log.DriverLog;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The legacy global {@code PersistData}: a table that controllers keep for a driver across restarts. DriverHost
 * restores it before the script runs and saves it whenever the driver is unloaded or updated, in
 * {@code .driverhost/PersistData} inside the driver's sandbox (a name drivers' own file paths cannot reach,
 * because they may not start with a dot).
 */
public final class PersistDataFile {

    /** The global's name. */
    public static final String GLOBAL = "PersistData";

    private final Path file;
    private final DriverLog log;
    private final String driver;

    public PersistDataFile(Path sandboxFolder, DriverLog log, String driver) {
        this.file = sandboxFolder.resolve(".driverhost").resolve(GLOBAL);
        this.log = log;
        this.driver = driver;
    }

    /** Returns the saved table, or an empty one when none was saved or the file cannot be read. */
    public LuaTable load() {
        try {
            return LuaDataCodec.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new LuaTable();
        } catch (IOException e) {
            log.error("Driver " + driver + ": " + GLOBAL + " could not be restored from " + file + " ("
                    + e.getMessage() + "); it starts empty");
            return new LuaTable();
        }
    }

    /**
     * Saves the value of the global. A value that is not a table, and entries without a stored form (functions,
     * for example), are left out with a warning.
     */
    public void save(LuaValue value) {
        if (value.isnil()) {
            value = new LuaTable();
        }
        if (!(value instanceof LuaTable table)) {
            log.warn("Driver " + driver + ": " + GLOBAL + " is a " + value.typename()
                    + ", not a table, so it was not saved");
            return;
        }
        LuaDataCodec codec = new LuaDataCodec();
        byte[] stored = codec.encode(table, GLOBAL);
        if (!codec.skipped().isEmpty()) {
            log.warn("Driver " + driver + ": " + GLOBAL + " entries without a stored form (only booleans, numbers, "
                    + "strings and tables are kept) were not saved: " + String.join(", ", codec.skipped()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(GLOBAL + ".part");
            Files.write(partial, stored);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.error("Driver " + driver + ": " + GLOBAL + " could not be saved to " + file + ": " + e.getMessage());
        }
    }
}
