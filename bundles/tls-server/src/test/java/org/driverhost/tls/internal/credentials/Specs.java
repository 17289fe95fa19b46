package org.driverhost.tls.internal.credentials;

import java.nio.file.Path;
import java.util.List;
import org.driverhost.tls.SealedPassword;
import org.driverhost.tls.ServerSpec;

/** Builds server specs for credential tests. */
final class Specs {

    private Specs() {
    }

    /** Starts a TLS spec whose relative paths resolve against {@code packageFolder}, then {@code sandbox}. */
    static ServerSpec.Builder tls(Path packageFolder, Path sandbox) {
        return ServerSpec.tls("test-driver", 0).fileRoots(List.of(packageFolder, sandbox));
    }

    /** Seals {@code password}, or returns the empty password for null. */
    static SealedPassword password(String password) {
        return password == null ? SealedPassword.EMPTY : SealedPassword.seal(password.toCharArray());
    }
}
