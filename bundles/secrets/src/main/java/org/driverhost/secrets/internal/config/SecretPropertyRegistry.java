package org.driverhost.secrets.internal.config;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.driverhost.secrets.SecretProperties;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Registry of secret configuration properties: PASSWORD attributes of the metatype, and whatever any
 * registered {@link SecretProperties} service declares.
 */
@Component(service = SecretPropertyRegistry.class)
public final class SecretPropertyRegistry {

    private final MetaTypePasswords metaType;
    private final List<SecretProperties> declared = new CopyOnWriteArrayList<>();

    @Activate
    public SecretPropertyRegistry(BundleContext context, @Reference MetaTypeService metaTypeService) {
        this.metaType = new MetaTypePasswords(context, metaTypeService);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSecretProperties(SecretProperties properties) {
        declared.add(properties);
    }

    void removeSecretProperties(SecretProperties properties) {
        declared.remove(properties);
    }

    /** Returns the rule for one configuration, with its metatype read once. */
    public SecretProperties ruleFor(String pid, String factoryPid) {
        Set<String> passwords = metaType.passwordAttributes(pid, factoryPid);
        List<SecretProperties> services = List.copyOf(declared);
        return (rulePid, ruleFactoryPid, key) -> passwords.contains(key)
                || services.stream().anyMatch(service -> service.isSecret(rulePid, ruleFactoryPid, key));
    }
}
