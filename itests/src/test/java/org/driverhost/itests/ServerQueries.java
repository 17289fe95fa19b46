package org.driverhost.itests;

import java.util.List;
import org.driverhost.tls.ServerService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Reads the running servers from the {@link ServerService}; loaded only once a test method runs. */
final class ServerQueries {

    private ServerQueries() {
    }

    static List<ServerInfo> servers(BundleContext context) {
        ServiceReference<ServerService> reference = context.getServiceReference(ServerService.class);
        if (reference == null) {
            return List.of();
        }
        ServerService service = context.getService(reference);
        try {
            return service.servers().stream()
                    .map(server -> new ServerInfo(server.spec().owner(), server.port(), server.spec().isUdp(),
                            server.spec().identifier()))
                    .toList();
        } finally {
            context.ungetService(reference);
        }
    }
}
