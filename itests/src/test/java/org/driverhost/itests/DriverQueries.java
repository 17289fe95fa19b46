package org.driverhost.itests;

import java.util.List;
import org.driverhost.lua.DriverRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Reads drivers' recent log lines from the {@link DriverRegistry}; loaded only once a test method runs. */
final class DriverQueries {

    private DriverQueries() {
    }

    static List<LogLine> recentLog(BundleContext context, String instance) {
        ServiceReference<DriverRegistry> reference = context.getServiceReference(DriverRegistry.class);
        if (reference == null) {
            return List.of();
        }
        DriverRegistry registry = context.getService(reference);
        try {
            return registry.recentLog(instance).stream()
                    .map(entry -> new LogLine(entry.level().name(), entry.message()))
                    .toList();
        } finally {
            context.ungetService(reference);
        }
    }
}
