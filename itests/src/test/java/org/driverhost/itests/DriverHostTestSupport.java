package org.driverhost.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.BundleContext;

/**
 * Boots the DriverHost assembly (not a stock Karaf) for Pax Exam tests, on free ports, with Maven
 * resolution offline. The shipped TLS echo driver is replaced by a test driver on an ephemeral port,
 * because port 8443 may be taken on a shared machine.
 *
 * <p>Fields and method signatures here and in the tests name no DriverHost type: Pax Exam loads the test
 * class before Karaf has finished its boot features, when those packages may not be resolvable yet.
 */
public abstract class DriverHostTestSupport {

    /** Time allowed for a dropped .c4z to start serving; FileInstall polls every second. */
    protected static final long DEPLOY_TIMEOUT_MILLIS = 20_000;
    protected static final long POLL_MILLIS = 50;

    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected BundleContext bundleContext;

    @Configuration
    public Option[] config() throws IOException {
        String karafVersion = System.getProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        String examRepository = System.getProperty("driverhost.examRepository");
        Path testDrivers = Path.of(System.getProperty("driverhost.testDrivers"));
        // The assembly of this build, from its module's target folder, so that tests never pick up an
        // older copy from the local Maven repository.
        Path assembly = Path.of(System.getProperty("driverhost.assembly")).toAbsolutePath().normalize();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(assembly.toUri().toString())
                        .karafVersion(karafVersion)
                        .name("DriverHost")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                systemTimeout(TimeUnit.MINUTES.toMillis(3)),
                replaceConfigurationFile("deploy/tls-echo.c4z", testDrivers.resolve("monitor-echo.c4z").toFile()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:" + examRepository + "@id=exam@snapshots, file:" + localRepository + "@id=local@snapshots,"
                                + " ${karaf.home.uri}system@id=system.repository@snapshots"),
                systemProperty("driverhost.testDrivers").value(testDrivers.toString())));
        options.addAll(java17ModuleOptions(karafVersion));
        if (Boolean.getBoolean("driverhost.keepExam")) {
            // For debugging: -Ddriverhost.keepExam=true keeps target/exam/<id>/ with its data/log/karaf.log.
            options.add(keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    /**
     * Returns the module options that bin/karaf passes on Java 9 and newer: Pax Exam 4.14.0 does not add
     * them, and without them Karaf's XML and locator specs fail with NoClassDefFoundError.
     */
    private static List<Option> java17ModuleOptions(String karafVersion) {
        List<Option> options = new ArrayList<>();
        for (String flag : new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
        }) {
            options.add(new VMOption(flag));
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Returns the test driver package of that name, packed with a fresh certificate by the build. */
    protected static Path testDriver(String name) {
        return Path.of(System.getProperty("driverhost.testDrivers")).resolve(name + ".c4z");
    }

    /** Returns the deploy folder of the running Karaf. */
    protected static Path deployFolder() {
        return Path.of(System.getProperty("karaf.base"), "deploy");
    }

    /** Copies a package into deploy/ under {@code instance}.c4z, renaming at the end so it is never seen half-written. */
    protected static Path deploy(Path c4z, String instance) throws IOException {
        Path target = deployFolder().resolve(instance + ".c4z");
        Path partial = deployFolder().resolve(instance + ".c4z.part");
        Files.copy(c4z, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Returns the recent log lines of a driver instance, oldest first. */
    protected List<LogLine> recentLog(String instance) {
        return DriverQueries.recentLog(bundleContext, instance);
    }

    /** Returns the servers running now, of every driver. */
    protected List<ServerInfo> servers() {
        return ServerQueries.servers(bundleContext);
    }

    /** Waits until the owner has a running server and returns it. */
    protected ServerInfo awaitServer(String owner) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ServerInfo> server = findServer(owner);
            if (server.isPresent()) {
                return server.get();
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no server of driver " + owner + " within " + DEPLOY_TIMEOUT_MILLIS + " ms");
    }

    /** Waits until the owner has no running server any more. */
    protected void awaitNoServer(String owner) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEPLOY_TIMEOUT_MILLIS;
        while (findServer(owner).isPresent()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("driver " + owner + " still has a server after " + DEPLOY_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private Optional<ServerInfo> findServer(String owner) {
        return servers().stream().filter(server -> server.owner().equals(owner)).findFirst();
    }
}
