package org.driverhost.tls.internal.framing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario of the field case on delimiters split across TLS records. It lists the delimiter and the
 * chunks a client sends, one TLS record each. It also lists the payloads the driver must receive, in order,
 * and the bytes still waiting for a delimiter when the client closes.
 *
 * @param name scenario name such as {@code d02-double-crlf-with-false-start}
 * @param delimiter delimiter bytes
 * @param chunks bytes of each write
 * @param expectedPayloads payloads that end with the delimiter
 * @param leftInBuffer bytes without delimiter at the end; delivered once when the connection closes
 */
public record DelimiterScenario(String name, byte[] delimiter, List<byte[]> chunks, List<byte[]> expectedPayloads,
        byte[] leftInBuffer) {

    static final String RESOURCE = "cases/delimiter-scenarios.json";

    private static final Pattern OBJECT = Pattern.compile("\\{(.*?)\\}", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("\"([0-9a-f]*)\"");

    /**
     * Reads every scenario from the test resource. The file has a fixed, flat layout, so a few patterns read
     * it without a JSON library.
     */
    public static List<DelimiterScenario> all() throws IOException {
        String json;
        try (InputStream in = DelimiterScenario.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + RESOURCE + " not found");
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<DelimiterScenario> scenarios = new ArrayList<>();
        Matcher object = OBJECT.matcher(json);
        while (object.find()) {
            String body = object.group(1);
            scenarios.add(new DelimiterScenario(text(body, "name"), bytes(text(body, "delimiter_hex")),
                    byteList(body, "chunks_hex"), byteList(body, "expected_payloads_hex"),
                    bytes(text(body, "left_in_buffer_hex"))));
        }
        return scenarios;
    }

    /** Returns every payload the listener must receive before OFFLINE: the expected ones, then the rest. */
    public List<byte[]> payloadsUntilClose() {
        List<byte[]> payloads = new ArrayList<>(expectedPayloads);
        if (leftInBuffer.length > 0) {
            payloads.add(leftInBuffer);
        }
        return payloads;
    }

    /** Returns every chunk joined, as one stream. */
    public byte[] stream() {
        int length = chunks.stream().mapToInt(chunk -> chunk.length).sum();
        byte[] joined = new byte[length];
        int offset = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, joined, offset, chunk.length);
            offset += chunk.length;
        }
        return joined;
    }

    private static String text(String body, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\\s*\"([^\"]*)\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalArgumentException("field " + field + " missing in " + body);
        }
        return matcher.group(1);
    }

    private static List<byte[]> byteList(String body, String field) {
        Matcher array = Pattern.compile("\"" + field + "\":\\s*\\[(.*?)\\]", Pattern.DOTALL).matcher(body);
        if (!array.find()) {
            throw new IllegalArgumentException("field " + field + " missing in " + body);
        }
        List<byte[]> values = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(array.group(1));
        while (quoted.find()) {
            values.add(bytes(quoted.group(1)));
        }
        return values;
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return name;
    }
}
