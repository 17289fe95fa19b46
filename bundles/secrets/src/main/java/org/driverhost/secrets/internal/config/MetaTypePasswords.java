package org.driverhost.secrets.internal.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Reads which attributes the metatype of a PID or factory PID types as {@code PASSWORD}, in any bundle. */
final class MetaTypePasswords {

    private final BundleContext context;
    private final MetaTypeService metaTypeService;

    MetaTypePasswords(BundleContext context, MetaTypeService metaTypeService) {
        this.context = context;
        this.metaTypeService = metaTypeService;
    }

    /** Returns the names of the PASSWORD attributes for the factory PID if there is one, else for the PID. */
    Set<String> passwordAttributes(String pid, String factoryPid) {
        String id = factoryPid != null ? factoryPid : pid;
        Set<String> passwords = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaTypeService.getMetaTypeInformation(bundle);
            if (information != null && declares(information, id, factoryPid != null)) {
                ObjectClassDefinition definition = information.getObjectClassDefinition(id, null);
                addPasswords(definition, passwords);
            }
        }
        return passwords;
    }

    private static boolean declares(MetaTypeInformation information, String id, boolean factory) {
        String[] ids = factory ? information.getFactoryPids() : information.getPids();
        return ids != null && Arrays.asList(ids).contains(id);
    }

    private static void addPasswords(ObjectClassDefinition definition, Set<String> passwords) {
        if (definition == null) {
            return;
        }
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (attributes == null) {
            return;
        }
        for (AttributeDefinition attribute : attributes) {
            if (attribute.getType() == AttributeDefinition.PASSWORD) {
                passwords.add(attribute.getID());
            }
        }
    }
}
