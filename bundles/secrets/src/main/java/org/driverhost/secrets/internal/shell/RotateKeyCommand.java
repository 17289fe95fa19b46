package org.driverhost.secrets.internal.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.driverhost.secrets.internal.rotation.KeyRotator;
import org.driverhost.secrets.internal.rotation.RotationReport;

/** {@code driverhost:rotate-key}: makes a new master key and re-encrypts every stored secret with it. */
@Service
@Command(scope = "driverhost", name = "rotate-key",
        description = "Makes a new master key, re-encrypts every stored secret with it and retires the old key.")
public class RotateKeyCommand implements Action {

    @Reference
    KeyRotator rotator;

    @Override
    public Object execute() throws Exception {
        RotationReport report = rotator.rotate();

        ShellTable table = new ShellTable();
        table.column("Where");
        table.column("Re-encrypted values");
        for (Map.Entry<String, Integer> entry : report.reencryptedByPid().entrySet()) {
            table.addRow().addContent("configuration " + entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, Integer> entry : report.reencryptedByStore().entrySet()) {
            table.addRow().addContent("store " + entry.getKey(), entry.getValue());
        }
        table.print(System.out);
        for (String skipped : report.skipped()) {
            System.out.println("Skipped, cannot decrypt: " + skipped);
        }

        if (report.finished()) {
            System.out.println("Re-encrypted " + report.total() + " values with new master key " + report.newKeyId()
                    + "; key " + report.oldKeyId() + " retired.");
        } else {
            System.err.println("Rotation not finished, both keys " + report.oldKeyId() + " and " + report.newKeyId()
                    + " kept: " + report.problem());
        }
        return null;
    }
}
