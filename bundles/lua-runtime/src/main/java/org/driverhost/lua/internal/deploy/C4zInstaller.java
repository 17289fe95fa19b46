package org.driverhost.lua.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.util.zip.ZipFile;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.apache.felix.fileinstall.ArtifactListener;
import org.driverhost.lua.internal.driver.DriverManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Hands the {@code .c4z} and {@code .c4i} files that Felix FileInstall finds in Karaf's {@code deploy/} folder to the
 * {@link DriverManager}. FileInstall polls the folder (every second in Karaf's default setup) and calls
 * {@code install}, {@code update} and {@code uninstall} from its own thread.
 */
@Component(service = {ArtifactInstaller.class, ArtifactListener.class})
public final class C4zInstaller implements ArtifactInstaller {

    private final DriverManager drivers;

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
            return SingleFileDriver.looksLikeDriverXml(artifact.toPath());
        }
        try (ZipFile zip = new ZipFile(artifact)) {
            return zip.getEntry("driver.xml") != null;
        } catch (IOException e) {
            return false;
        }
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
