package org.driverhost.itests;

import java.io.InputStream;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeProvider;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A metatype for one PID with a {@code user} string and a {@code password} typed PASSWORD, registered as a
 * {@link MetaTypeProvider} service so that the MetaTypeService reports it for the test probe bundle.
 */
final class PasswordMetaType implements MetaTypeProvider, ObjectClassDefinition {

    private final String pid;

    private PasswordMetaType(String pid) {
        this.pid = pid;
    }

    /** Registers the metatype of {@code pid}. */
    static ServiceRegistration<MetaTypeProvider> register(BundleContext context, String pid) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MetaTypeProvider.METATYPE_PID, pid);
        return context.registerService(MetaTypeProvider.class, new PasswordMetaType(pid), properties);
    }

    @Override
    public ObjectClassDefinition getObjectClassDefinition(String id, String locale) {
        return pid.equals(id) ? this : null;
    }

    @Override
    public String[] getLocales() {
        return null;
    }

    @Override
    public String getName() {
        return "Test login";
    }

    @Override
    public String getID() {
        return pid;
    }

    @Override
    public String getDescription() {
        return "A user name and a password";
    }

    @Override
    public AttributeDefinition[] getAttributeDefinitions(int filter) {
        return new AttributeDefinition[] {new Attribute("user", AttributeDefinition.STRING),
            new Attribute("password", AttributeDefinition.PASSWORD)};
    }

    @Override
    public InputStream getIcon(int size) {
        return null;
    }

    private record Attribute(String id, int type) implements AttributeDefinition {

        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return id;
        }

        @Override
        public int getCardinality() {
            return 0;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return null;
        }

        @Override
        public String[] getOptionLabels() {
            return null;
        }

        @Override
        public String validate(String value) {
            return null;
        }

        @Override
        public String[] getDefaultValue() {
            return null;
        }
    }
}
