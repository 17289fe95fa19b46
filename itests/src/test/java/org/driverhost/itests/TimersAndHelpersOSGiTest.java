package org.driverhost.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Timers, data helpers and the controller environment of a driver deployed into the running assembly. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TimersAndHelpersOSGiTest extends DriverHostTestSupport {

    private static final int READ_TIMEOUT_MILLIS = 20_000;

    @Test
    public void timersFireAndHelpersAnswerOverTcp() throws Exception {
        Path deployed = deploy(testDriver("timers-helpers"), "timers-helpers");
        ServerInfo server = awaitServer("timers-helpers");

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write("REPORT\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertEquals("{\"addTimer\":true,\"b64\":\"AP8=\",\"configVersion\":\"4.2\",\"decoded\":20,"
                    + "\"json\":\"[1,\\\"two\\\"]\",\"sha1\":\"A9993E364706816ABA3E25717850C26C9CD0D89D\","
                    + "\"skips\":\"number\",\"systemEvent\":6,\"ticks\":3}", in.readLine());
            String identity = in.readLine();
            assertTrue(identity, identity.matches("ID \\d+ \\d+\\.\\d+\\.\\d+\\.\\d+"));
        }

        Files.delete(deployed);
        awaitNoServer("timers-helpers");
    }
}
