package org.driverhost.lua.internal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.driverhost.lua.internal.deploy.DriverDescription.ScriptSource;

/**
 * Decides whether a script that {@code driver.xml} declares encrypted ({@code <script encryption="...">}) is
 * in fact plain Lua. Developers often leave the attribute in while they work on the source, so such a script is
 * accepted. An encrypted one (binary bytes, or one long Base64 block) is rejected, because this runtime has no
 * key to decrypt it.
 */
final class PlainTextCheck {

    /** One unbroken run of Base64 characters this long is ciphertext, not Lua: source code has spaces and lines. */
    private static final Pattern BASE64_BLOCK = Pattern.compile("\\s*[A-Za-z0-9+/=]{256,}\\s*");

    private PlainTextCheck() {
    }

    /**
     * @throws PackageException when the script is not plain text
     */
    static void requirePlainText(ScriptSource source, Path packageRoot, String encryption) throws PackageException {
        byte[] script;
        if (source.inlineCode() != null) {
            script = source.inlineCode().getBytes(StandardCharsets.UTF_8);
        } else {
            Path file = packageRoot.resolve(source.file()).normalize();
            if (!file.startsWith(packageRoot) || !Files.isRegularFile(file)) {
                // The runtime reports the missing script when it loads it.
                return;
            }
            try {
                script = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new PackageException("the script \"" + source.file() + "\" cannot be read: " + e.getMessage(), e);
            }
        }
        if (!isPlainText(script)) {
            throw new PackageException("invalid driver.xml: <script encryption=\"" + encryption + "\"> and the script "
                    + source.chunkName() + " is encrypted, which this runtime cannot decrypt; deploy the driver's "
                    + "plain Lua source (with the attribute removed or left in)");
        }
    }

    /** Returns whether the bytes read as source text: no control bytes other than whitespace, no Base64 block. */
    static boolean isPlainText(byte[] script) {
        for (byte b : script) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b) {
                return false;
            }
        }
        return !BASE64_BLOCK.matcher(new String(script, StandardCharsets.ISO_8859_1)).matches();
    }
}
