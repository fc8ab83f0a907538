package net.voipbin.local.cli;

import java.util.List;

import net.voipbin.local.home.LocalModeException;
import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.status.StatusClient;
import net.voipbin.local.status.StatusReport;

/** {@code ./voipbin call NUMBER ...}: the "place a call" moment; exits 0 when the call ended. */
public final class CallCommand {

    private final LocalSettings settings;

    public CallCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) throws InterruptedException {
        CallOptions options = CallOptions.parse(args);
        CallSession.Outcome outcome = new CallSession(runningFleet(settings), settings.home(), System.out).run(options);
        return outcome.ended() ? 0 : 1;
    }

    /** The running, healthy local mode's report; a clear error otherwise. */
    static StatusReport runningFleet(LocalSettings settings) {
        if (settings.home().running().isEmpty()) {
            throw new LocalModeException("local mode is not running: ./voipbin start");
        }
        StatusReport report = new StatusClient(settings.ports().control()).fetch()
                .orElseThrow(() -> new LocalModeException("local mode does not answer on port "
                        + settings.ports().control() + "; see ./voipbin logs local-mode"));
        if (!report.allHealthy()) {
            throw new LocalModeException("local mode is not healthy yet; see ./voipbin status");
        }
        return report;
    }
}
