package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.lib.jse.JseIoLib;

/**
 * LuaJ's {@code io} library confined to the driver's folders: {@code io.open}, {@code io.lines},
 * {@code io.input} and {@code io.output} open files through {@link SandboxFiles}, writes stop at the sandbox size
 * limit, and {@code io.popen} and {@code io.tmpfile} fail. The standard streams are the ones of the driver's
 * {@code Globals}, which the runtime points at the driver's log.
 */
final class SandboxIoLib extends JseIoLib {

    private final SandboxFiles files;

    SandboxIoLib(SandboxFiles files) {
        this.files = files;
    }

    @Override
    protected File openFile(String filename, boolean readMode, boolean appendMode, boolean updateMode,
            boolean binaryMode) throws IOException {
        if (readMode && !updateMode) {
            Path real = files.forReading("io.open", filename);
            return super.openFile(real.toString(), true, false, false, binaryMode);
        }
        Path real = files.forWriting("io.open", filename);
        File opened = super.openFile(real.toString(), readMode, appendMode, updateMode, binaryMode);
        return new LimitedFile(opened, real, files.usedBytesExcept(real), filename);
    }

    @Override
    protected File openProgram(String prog, String mode) throws IOException {
        throw new IOException("io.popen is not available to drivers");
    }

    @Override
    protected File tmpFile() throws IOException {
        throw new IOException("io.tmpfile is not available to drivers; open a file in the sandbox folder with io.open");
    }

    /**
     * A file in the sandbox whose writes fail once the sandbox would exceed its size limit. The other files'
     * size is taken when the file is opened.
     * NOTE: two files written at the same time each see the other's size as it was at opening.
     */
    private final class LimitedFile extends File {

        private final File file;
        private final Path path;
        private final long otherBytes;
        private final String name;

        LimitedFile(File file, Path path, long otherBytes, String name) {
            this.file = file;
            this.path = path;
            this.otherBytes = otherBytes;
            this.name = name;
        }

        @Override
        public void write(LuaString string) throws IOException {
            long position = file.seek("cur", 0);
            long size = Math.max(Files.size(path), position + string.length());
            if (otherBytes + size > files.maxBytes()) {
                throw new IOException("write to \"" + name + "\" failed: the sandbox folder would exceed its limit "
                        + "of " + files.maxBytes() + " bytes; remove or shorten files first");
            }
            file.write(string);
        }

        @Override
        public void flush() throws IOException {
            file.flush();
        }

        @Override
        public boolean isstdfile() {
            return false;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }

        @Override
        public boolean isclosed() {
            return file.isclosed();
        }

        @Override
        public int seek(String option, int bytecount) throws IOException {
            return file.seek(option, bytecount);
        }

        @Override
        public void setvbuf(String mode, int size) {
            file.setvbuf(mode, size);
        }

        @Override
        public int remaining() throws IOException {
            return file.remaining();
        }

        @Override
        public int peek() throws IOException {
            return file.peek();
        }

        @Override
        public int read() throws IOException {
            return file.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return file.read(bytes, offset, length);
        }
    }
}
