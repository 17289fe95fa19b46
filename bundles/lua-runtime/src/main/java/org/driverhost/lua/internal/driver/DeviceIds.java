package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each driver instance the number {@code C4:GetDeviceID} returns: assigned on first deployment, stored in
 * {@code device-ids.properties} next to the sandboxes, and kept when the instance is removed, so that the same
 * instance name gets the same id after restarts and redeployments. Ids count up from {@value #FIRST_ID}; none is
 * given twice.
 */
final class DeviceIds {

    /** First id handed out. Controllers number devices from small values; these stay clear of them. */
    static final long FIRST_ID = 1001;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceIds.class);

    private final Path file;
    private final Properties ids = new Properties();

    DeviceIds(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ids.load(in);
        } catch (NoSuchFileException e) {
            // First start: no instance has an id yet.
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Device ids could not be read from {} ({}); instances get new ids", file, e.getMessage());
        }
    }

    /** Returns the instance's id, assigning and storing the next free one when it has none. */
    synchronized long idOf(String instance) {
        String stored = ids.getProperty(instance);
        if (stored != null && stored.matches("\\d{1,15}")) {
            return Long.parseLong(stored);
        }
        long id = nextFreeId();
        ids.setProperty(instance, Long.toString(id));
        save();
        return id;
    }

    private long nextFreeId() {
        long max = FIRST_ID - 1;
        for (String value : ids.stringPropertyNames().stream().map(ids::getProperty).toList()) {
            if (value.matches("\\d{1,15}")) {
                max = Math.max(max, Long.parseLong(value));
            }
        }
        return max + 1;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                ids.store(out, "Device ids of driver instances, returned by C4:GetDeviceID");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("Device ids could not be saved to {}: {}; they may change at the next start", file, e.getMessage());
        }
    }
}
