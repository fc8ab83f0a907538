package net.voipbin.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.voipbin.local.daemon.ComponentState;
import net.voipbin.local.home.LocalModeException;
import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.preflight.Preflight;
import net.voipbin.local.status.StatusClient;
import net.voipbin.local.status.StatusReport;
import net.voipbin.local.status.StatusTable;
import net.voipbin.rpc.auth.JwtTokens;

/**
 * {@code ./voipbin start}: checks what can be checked first (ports, data directory, the user's own
 * servers), launches the local-mode process and waits until every part is healthy; then prints the
 * table and a token for the development customer. A part that fails, or a start that takes longer
 * than {@link #READY_WITHIN}, stops everything and shows that part's last log lines.
 */
public final class StartCommand {

    static final Duration READY_WITHIN = Duration.ofSeconds(120);
    static final Duration TOKEN_VALIDITY = Duration.ofDays(7);
    private static final int LOG_LINES = 30;

    private final LocalSettings settings;
    private final StatusClient status;

    public StartCommand(LocalSettings settings) {
        this.settings = settings;
        this.status = new StatusClient(settings.ports().control());
    }

    public int run() throws InterruptedException {
        if (settings.home().running().isPresent()) {
            System.out.println("local mode is already running (pid " + settings.home().running().get().pid() + ")");
            status.fetch().ifPresent(report -> StatusTable.print(report, System.out));
            return 0;
        }
        Preflight.check(settings);
        System.out.println("starting local mode (state in " + settings.home().dir() + ", logs in "
                + settings.home().logs() + ")");
        Instant begun = Instant.now();
        Process daemon = DaemonProcess.launch(settings.home());
        StatusReport ready = awaitReady(daemon, begun);
        StatusTable.print(ready, System.out);
        System.out.printf("%nready in %.1f s. Development customer %s; its token (valid %d days):%n%s%n",
                Duration.between(begun, Instant.now()).toMillis() / 1000.0, ready.customerId(),
                TOKEN_VALIDITY.toDays(), JwtTokens.mint(settings.home().jwtSecret(), ready.customerId(), TOKEN_VALIDITY));
        System.out.println("the API: " + ready.urlOf("api-gateway") + "/v1.0, the console: " + ready.urlOf("api-gateway")
                + "/console/ (log in with the token)");
        System.out.println("next: ./voipbin demo   (an IVR flow, a number and a call to it)");
        return 0;
    }

    private StatusReport awaitReady(Process daemon, Instant begun) throws InterruptedException {
        Optional<StatusReport> last = Optional.empty();
        while (true) {
            if (!daemon.isAlive()) {
                throw new LocalModeException("local mode exited with code " + daemon.exitValue()
                        + " while starting; " + tail(settings.home().logs().resolve("local-mode.out"))
                        + tail(settings.home().log("local-mode")));
            }
            last = status.fetch();
            if (last.isPresent() && last.get().allHealthy()) {
                return last.get();
            }
            if (last.isPresent() && !last.get().failed().isEmpty()) {
                throw stopWith(last.get(), last.get().failed(), "failed to start");
            }
            if (Duration.between(begun, Instant.now()).compareTo(READY_WITHIN) > 0) {
                List<StatusReport.Component> slow = last.map(r -> r.components().stream()
                        .filter(c -> c.state() != ComponentState.HEALTHY).toList())
                        .orElse(List.of());
                throw stopWith(last.orElse(null), slow, "not healthy within " + READY_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    private LocalModeException stopWith(StatusReport report, List<StatusReport.Component> culprits, String what)
            throws InterruptedException {
        StringBuilder message = new StringBuilder();
        if (report != null) {
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            StatusTable.print(report, new PrintStream(table, true));
            message.append(table).append('\n');
        }
        for (StatusReport.Component culprit : culprits) {
            message.append(culprit.name()).append(' ').append(what).append(". ")
                    .append(tail(settings.home().log(culprit.name())));
        }
        new StopCommand(settings).run();
        return new LocalModeException(message.toString());
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return "The last lines of " + log + ":\n" + String.join("\n",
                    lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }
}
