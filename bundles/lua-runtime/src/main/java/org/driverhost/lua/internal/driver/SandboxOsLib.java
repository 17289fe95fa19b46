package org.driverhost.lua.internal.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * LuaJ's {@code os} library without process control: {@code os.remove} and {@code os.rename} act only inside the
 * sandbox folder, {@code os.execute}, {@code os.exit} and {@code os.tmpname} raise an error, and
 * {@code os.getenv} returns nil, because the host's environment may contain credentials.
 */
final class SandboxOsLib extends JseOsLib {

    private final SandboxFiles files;

    SandboxOsLib(SandboxFiles files) {
        this.files = files;
    }

    @Override
    protected void remove(String filename) throws IOException {
        Files.delete(files.existingInSandbox("os.remove", filename));
    }

    @Override
    protected void rename(String oldname, String newname) throws IOException {
        Path source = files.existingInSandbox("os.rename", oldname);
        Path target = files.forWriting("os.rename", newname);
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    protected String getenv(String name) {
        return null;
    }

    @Override
    protected Varargs execute(String command) {
        throw new LuaError("os.execute is not available to drivers");
    }

    @Override
    protected void exit(int code) {
        throw new LuaError("os.exit is not available to drivers");
    }

    @Override
    protected String tmpname() {
        throw new LuaError("os.tmpname is not available to drivers; name a file in the sandbox folder instead");
    }
}
