package org.driverhost.lua.internal.declared;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code driverhost:servers}: the TLS servers declared in Config Admin and why any of them is not running. */
@Service
@Command(scope = "driverhost", name = "servers",
        description = "Lists the TLS servers declared as org.driverhost.tls.server configurations, with their state.")
public class ServersCommand implements Action {

    @Reference
    DeclaredServers servers;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("PID");
        table.column("Driver");
        table.column("Port");
        table.column("State");
        for (DeclaredServers.Status status : servers.statuses()) {
            table.addRow().addContent(status.pid(), status.driver(), status.port(), status.state());
        }
        table.print(System.out);
        return null;
    }
}
