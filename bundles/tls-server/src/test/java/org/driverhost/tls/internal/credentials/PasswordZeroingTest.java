package org.driverhost.tls.internal.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerException;
import org.driverhost.tls.ServerSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zeroes every clear copy of the password that the loader obtains, whether loading succeeds or fails. */
class PasswordZeroingTest {

    private static final String PASSWORD = TestCredentials.PASSWORD;

    @TempDir
    static Path temp;

    private static Path packageFolder;
    private static Path sandbox;

    @BeforeAll
    static void makeFiles() throws Exception {
        OpenSsl.assumeInstalled();
        packageFolder = Files.createDirectories(temp.resolve("package"));
        sandbox = Files.createDirectories(temp.resolve("sandbox"));
        TestCredentials credentials = new TestCredentials(packageFolder);
        OpenSsl openssl = credentials.openssl();
        credentials.selfSigned("server", "p256");
        openssl.openssl("ec", "-in", "server.key", "-aes256", "-passout", "pass:" + PASSWORD, "-out", "legacy.key");
        openssl.openssl("pkcs8", "-topk8", "-in", "server.key", "-passout", "pass:" + PASSWORD, "-out", "pbes2.key");
        openssl.openssl("pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-passout",
                "pass:" + PASSWORD, "-out", "server.p12");
    }

    @Test
    void passwordIsZeroedAfterEachLoad() throws Exception {
        List<ServerSpec> specs = List.of(
                spec("server.crt", "legacy.key", PASSWORD),
                spec("server.crt", "pbes2.key", PASSWORD),
                spec("server.p12", "", PASSWORD));

        for (ServerSpec spec : specs) {
            RecordingOpener opener = new RecordingOpener();

            new CredentialLoader(opener, Clock.systemUTC()).load(spec);

            opener.assertAllZeroed(spec.certificate() + " " + spec.privateKey());
        }
    }

    @Test
    void passwordIsZeroedAfterFailedLoad() {
        List<ServerSpec> specs = List.of(
                spec("server.crt", "legacy.key", "Wrong-Guess-17"),
                spec("server.crt", "pbes2.key", "Wrong-Guess-17"),
                spec("server.p12", "", "Wrong-Guess-17"));

        for (ServerSpec spec : specs) {
            RecordingOpener opener = new RecordingOpener();

            assertThrows(ServerException.class, () -> new CredentialLoader(opener, Clock.systemUTC()).load(spec));

            opener.assertAllZeroed(spec.certificate() + " " + spec.privateKey());
        }
    }

    @Test
    void plainKeyNeverOpensPassword() throws Exception {
        RecordingOpener opener = new RecordingOpener();

        new CredentialLoader(opener, Clock.systemUTC()).load(spec("server.crt", "server.key", PASSWORD));

        assertEquals(0, opener.openedArrays.size());
    }

    @Test
    void passwordUseZeroesWhenStepThrows() {
        RecordingOpener opener = new RecordingOpener();
        PasswordUse use = new PasswordUse(opener);
        ServerException failure = new ServerException("step failed");

        ServerException thrown = assertThrows(ServerException.class,
                () -> use.with(Specs.password(PASSWORD), clear -> {
                    assertArrayEquals(PASSWORD.toCharArray(), clear);
                    throw failure;
                }));

        assertSame(failure, thrown);
        opener.assertAllZeroed("failing step");
    }

    private static ServerSpec spec(String certificate, String privateKey, String password) {
        return Specs.tls(packageFolder, sandbox).certificate(certificate).privateKey(privateKey)
                .password(Specs.password(password)).build();
    }

    /** Opens passwords as production code does and keeps each array it hands out, to inspect afterwards. */
    private static final class RecordingOpener implements Function<SealedPassword, char[]> {

        private final List<char[]> openedArrays = new ArrayList<>();

        @Override
        public char[] apply(SealedPassword password) {
            char[] clear = password.open();
            openedArrays.add(clear);
            return clear;
        }

        void assertAllZeroed(String context) {
            assertFalse(openedArrays.isEmpty(), context + ": the password was never opened");
            for (char[] clear : openedArrays) {
                assertArrayEquals(new char[clear.length], clear, context + ": a clear password was not zeroed");
            }
        }
    }
}
