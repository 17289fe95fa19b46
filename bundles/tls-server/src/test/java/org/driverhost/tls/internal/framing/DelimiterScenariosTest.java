package org.driverhost.tls.internal.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The delimiter scenarios of the field case through the framer alone: as the client sends them (one read
 * per chunk), as one read, and one byte per read. Chunk boundaries must never change the payloads.
 */
class DelimiterScenariosTest {

    static List<DelimiterScenario> scenarios() throws IOException {
        return DelimiterScenario.all();
    }

    @Test
    void allTwelveScenariosAreRead() throws IOException {
        assertEquals(12, scenarios().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void chunksAsSent(DelimiterScenario scenario) {
        FramerChannel framer = new FramerChannel(scenario.delimiter(), 65536, 0);
        framer.write(scenario.chunks().toArray(new byte[0][]));

        assertEquals(hex(scenario.expectedPayloads()), framer.payloads());
        assertEquals(hex(rest(scenario)), framer.closeAndRead());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void wholeStreamInOneRead(DelimiterScenario scenario) {
        FramerChannel framer = new FramerChannel(scenario.delimiter(), 65536, 0).write(scenario.stream());

        assertEquals(hex(scenario.expectedPayloads()), framer.payloads());
        assertEquals(hex(rest(scenario)), framer.closeAndRead());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void oneByteAtATime(DelimiterScenario scenario) {
        FramerChannel framer = new FramerChannel(scenario.delimiter(), 65536, 0);
        for (byte b : scenario.stream()) {
            framer.write(new byte[] {b});
        }

        assertEquals(hex(scenario.expectedPayloads()), framer.payloads());
        assertEquals(hex(rest(scenario)), framer.closeAndRead());
    }

    private static List<byte[]> rest(DelimiterScenario scenario) {
        return scenario.leftInBuffer().length == 0 ? List.of() : List.of(scenario.leftInBuffer());
    }

    static List<String> hex(List<byte[]> payloads) {
        return payloads.stream().map(HexFormat.of()::formatHex).toList();
    }
}
