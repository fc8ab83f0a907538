package net.voipbin.local.cli;

import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.status.StatusClient;
import net.voipbin.local.status.StatusTable;

/** {@code ./voipbin status}: the table, as the running local mode sees itself now. */
public final class StatusCommand {

    private final LocalSettings settings;

    public StatusCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run() {
        if (settings.home().running().isEmpty()) {
            System.out.println("local mode is not running");
            return 3;
        }
        var report = new StatusClient(settings.ports().control()).fetch();
        if (report.isEmpty()) {
            System.out.println("local mode (pid " + settings.home().running().get().pid()
                    + ") does not answer on port " + settings.ports().control());
            return 1;
        }
        StatusTable.print(report.get(), System.out);
        return report.get().allHealthy() ? 0 : 1;
    }
}
