package org.driverhost.secrets.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** UTF-8 between {@code char[]} and {@code byte[]} without a {@code String} and without leaving copies behind. */
final class Utf8 {

    private Utf8() {
    }

    /** Encodes chars into a new array that the caller zeroes; malformed surrogates are rejected. */
    static byte[] encode(char[] chars) throws CharacterCodingException {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = encoder.encode(CharBuffer.wrap(chars));
        try {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } finally {
            wipe(buffer);
        }
    }

    /** Decodes bytes into a new array that the caller zeroes; invalid UTF-8 is rejected. */
    static char[] decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer buffer = decoder.decode(ByteBuffer.wrap(bytes));
        try {
            char[] chars = new char[buffer.remaining()];
            buffer.get(chars);
            return chars;
        } finally {
            wipe(buffer);
        }
    }

    private static void wipe(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    private static void wipe(CharBuffer buffer) {
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), '\0');
        }
    }
}
