package org.driverhost.lua.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.fileinstall.ArtifactListener;
import org.driverhost.lua.internal.driver.DriverManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the {@code .c4z} and {@code .c4i} files that Felix FileInstall finds in Karaf's {@code deploy/} folder to the
 * {@link DriverManager}. FileInstall polls the folder (every second in Karaf's default setup) and calls
 * {@code install}, {@code update} and {@code uninstall} from its own thread.
 */
@Component(service = {ArtifactInstaller.class, ArtifactListener.class})
public final class C4zInstaller implements ArtifactInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(C4zInstaller.class);

    private final DriverManager drivers;
    /** Files not deployed, with the modification time at which that was logged. */
    private final Map<String, Long> ignored = new ConcurrentHashMap<>();

    @Activate
    public C4zInstaller(@Reference DriverManager drivers) {
        this.drivers = drivers;
    }

    /**
     * Accepts files named {@code *.c4z} (any case) whose zip has a {@code driver.xml} at its root, and
     * single-file drivers named {@code *.c4i} that start with a {@code <devicedata>} element.
     */
    @Override
    public boolean canHandle(File artifact) {
        if (!artifact.isFile() || !DriverManager.hasPackageExtension(artifact.toPath())) {
            return false;
        }
        if (SingleFileDriver.hasExtension(artifact.toPath())) {
            return SingleFileDriver.looksLikeDriverXml(artifact.toPath())
                    || ignore(artifact, "it is not an XML driver (a driver.xml with the Lua code in <script>)");
        }
        try (ZipFile zip = new ZipFile(artifact)) {
            return zip.getEntry("driver.xml") != null
                    || ignore(artifact, "the zip archive has no driver.xml at its root");
        } catch (IOException e) {
            return ignore(artifact, "it is not a readable zip archive (" + e.getMessage() + ")");
        }
    }

    /**
     * Logs once per version of the file why it is not deployed, because FileInstall calls canHandle again at every poll,
     * and returns false.
     */
    private boolean ignore(File artifact, String reason) {
        Long seen = ignored.put(artifact.getAbsolutePath(), artifact.lastModified());
        if (seen == null || seen != artifact.lastModified()) {
            LOG.error("Ignoring {}: {}. A driver package is a zip archive with driver.xml and the script at its root.",
                    artifact, reason);
        }
        return false;
    }

    @Override
    public void install(File artifact) {
        drivers.install(artifact.toPath());
    }

    @Override
    public void update(File artifact) {
        drivers.update(artifact.toPath());
    }

    @Override
    public void uninstall(File artifact) {
        drivers.uninstall(artifact.toPath());
    }
}
