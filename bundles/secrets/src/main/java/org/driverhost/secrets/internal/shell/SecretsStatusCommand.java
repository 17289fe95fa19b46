package org.driverhost.secrets.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.driverhost.secrets.SecretException;
import org.driverhost.secrets.internal.MasterKeyManager;
import org.driverhost.secrets.internal.config.SecretInventory;

/** {@code driverhost:secrets-status}: lists the configurations holding secrets, never their values. */
@Service
@Command(scope = "driverhost", name = "secrets-status",
        description = "Lists the configuration properties holding secrets and whether each decrypts with the current master key.")
public class SecretsStatusCommand implements Action {

    @Reference
    SecretInventory inventory;

    @Reference
    MasterKeyManager keys;

    @Override
    public Object execute() throws Exception {
        System.out.println("Master key file: " + keys.keyFile());
        try {
            System.out.println("Current key id: " + keys.currentKeyId());
        } catch (SecretException e) {
            System.out.println("Master key unavailable: " + e.getMessage());
        }

        ShellTable table = new ShellTable();
        table.column("PID");
        table.column("Property");
        table.column("Key id");
        table.column("Current");
        table.column("Status");
        for (SecretInventory.SecretStatus status : inventory.status()) {
            table.addRow().addContent(status.pid(), status.property(), status.keyId(), status.current() ? "yes" : "no",
                    status.detail());
        }
        table.print(System.out);
        return null;
    }
}
