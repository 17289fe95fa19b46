package org.driverhost.lua.internal.persist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes a driver's persisted values: the file {@value #FILE_NAME} in its sandbox folder.
 *
 * <p>Layout: the header {@code DHPERSIST1\n}, a 4-byte entry count, then for each entry the name (4-byte length
 * and bytes), a flag byte (0 plain, 1 encrypted) and the value (4-byte length and bytes). A plain value holds the
 * {@link ValueCodec} encoding; an encrypted one holds the ASCII text of a secrets envelope of that encoding.
 * Writes go to a temporary file that is synced and then renamed over the old one, so a crash leaves either the
 * old or the new file, never a mix.
 */
final class PersistFile {

    static final String FILE_NAME = "persist.dat";
    private static final byte[] HEADER = "DHPERSIST1\n".getBytes(StandardCharsets.US_ASCII);

    /** One stored value. */
    record Entry(boolean encrypted, byte[] data) {
    }

    private PersistFile() {
    }

    /** Reads the entries in file order, keyed by the name's bytes as ISO-8859-1, or none when the file is missing. */
    static Map<String, Entry> read(Path file) throws PersistException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new PersistException("the persisted values " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (content.length < HEADER.length || !Arrays.equals(Arrays.copyOf(content, HEADER.length), HEADER)) {
            throw new PersistException("invalid persisted values file " + file + ": it does not start with "
                    + "the DHPERSIST1 header");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(content, HEADER.length, content.length - HEADER.length))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = new String(ValueCodec.readBytes(in), StandardCharsets.ISO_8859_1);
                boolean encrypted = in.readUnsignedByte() == 1;
                entries.put(name, new Entry(encrypted, ValueCodec.readBytes(in)));
            }
        } catch (EOFException e) {
            throw new PersistException("invalid persisted values file " + file + ": truncated", e);
        } catch (IOException e) {
            throw new PersistException("invalid persisted values file " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** Replaces the file by one with these entries; deletes it when there are none. */
    static void write(Path file, Map<String, Entry> entries) throws PersistException {
        try {
            if (entries.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(encode(entries));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PersistException("the persisted values " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static byte[] encode(Map<String, Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(HEADER);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> entry : entries.entrySet()) {
                byte[] name = entry.getKey().getBytes(StandardCharsets.ISO_8859_1);
                out.writeInt(name.length);
                out.write(name);
                out.writeByte(entry.getValue().encrypted() ? 1 : 0);
                out.writeInt(entry.getValue().data().length);
                out.write(entry.getValue().data());
            }
        }
        return bytes.toByteArray();
    }
}
