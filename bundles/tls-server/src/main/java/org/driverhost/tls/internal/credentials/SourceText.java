package org.driverhost.tls.internal.credentials;

import java.nio.charset.StandardCharsets;
import org.driverhost.tls.ServerException;

/**
 * The bytes given for one credential parameter, either inline PEM text or the content of a file, with a
 * label that error messages use in place of the value. Inline PEM is never echoed back in full.
 *
 * @param parameter the parameter name as drivers know it, for example {@code certificate}
 * @param label {@code "path"} for a file, {@code (PEM text)} for inline text
 * @param bytes the PEM text or the file's content
 * @param inline whether the value was PEM text rather than a file path
 */
record SourceText(String parameter, String label, byte[] bytes, boolean inline) {

    static final String PEM_MARKER = "-----BEGIN";

    /** Maximum length of a path echoed in an error message; longer values are cut. */
    private static final int MAX_ECHO = 200;

    /**
     * Reads a parameter's value: PEM text when it contains a PEM header, otherwise a file path resolved by
     * {@code roots}.
     */
    static SourceText read(FileRoots roots, String parameter, String value) throws ServerException {
        if (value.contains(PEM_MARKER)) {
            if (value.length() > FileRoots.MAX_FILE_BYTES) {
                throw new ServerException("invalid " + parameter + " (PEM text): longer than " + FileRoots.MAX_FILE_BYTES
                        + " characters; give PEM text or a PEM file of at most 1 MiB");
            }
            return new SourceText(parameter, "(PEM text)", value.getBytes(StandardCharsets.ISO_8859_1), true);
        }
        String path = value.strip();
        return new SourceText(parameter, quote(path), roots.read(parameter, path), false);
    }

    /** Returns an exception whose message names this parameter and value, then states the problem. */
    ServerException invalid(String problem) {
        return new ServerException("invalid " + parameter + " " + label + ": " + problem);
    }

    ServerException invalid(String problem, Throwable cause) {
        return new ServerException("invalid " + parameter + " " + label + ": " + problem, cause);
    }

    /** Returns whether the content contains a PEM header, so it is PEM text rather than binary. */
    boolean looksLikePem() {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(PEM_MARKER);
    }

    static String quote(String value) {
        String echoed = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        return "\"" + echoed + "\"";
    }

    @Override
    public String toString() {
        return parameter + " " + label;
    }
}
