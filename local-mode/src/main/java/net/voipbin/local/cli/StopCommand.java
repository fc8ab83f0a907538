package net.voipbin.local.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.voipbin.local.daemon.ServiceCatalog;
import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.preflight.FreePorts;
import net.voipbin.local.status.StatusClient;

/**
 * {@code ./voipbin stop}: asks the local-mode process to stop (SIGTERM: it closes the services, the
 * simulator, the broker and PostgreSQL in that order), kills what is left after a grace period, and
 * waits until no process it started and no port it bound remains. Also cleans up after a local mode
 * that was killed: a PostgreSQL left running from its data directory is stopped too.
 */
public final class StopCommand {

    private static final Duration GRACE = Duration.ofSeconds(45);
    private static final Duration PORTS_FREED_WITHIN = Duration.ofSeconds(15);

    private final LocalSettings settings;

    public StopCommand(LocalSettings settings) {
        this.settings = settings;
    }

    public int run() throws InterruptedException {
        List<ProcessHandle> processes = new ArrayList<>();
        Optional<ProcessHandle> daemon = settings.home().running();
        daemon.ifPresent(d -> {
            processes.add(d);
            d.descendants().forEach(processes::add);
        });
        orphanedPostgres().filter(p -> !processes.contains(p)).ifPresent(processes::add);
        if (processes.isEmpty()) {
            deletePidFile();
            System.out.println("local mode is not running");
            return 0;
        }
        // The local-mode process first, through its control port (a signal is the fallback): it stops
        // the services, then the simulator, the broker and PostgreSQL.
        ProcessHandle first = daemon.orElse(processes.getFirst());
        if (daemon.isEmpty() || !new StatusClient(settings.ports().control()).requestStop()) {
            first.destroy();
        }
        awaitGone(List.of(first), GRACE);
        List<ProcessHandle> left = processes.stream().filter(ProcessHandle::isAlive).toList();
        left.forEach(ProcessHandle::destroy);
        awaitGone(left, Duration.ofSeconds(10));
        left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitGone(left, Duration.ofSeconds(10));
        deletePidFile();
        List<String> busy = awaitPortsFree();
        long alive = processes.stream().filter(ProcessHandle::isAlive).count();
        if (alive > 0 || !busy.isEmpty()) {
            System.err.println("local mode stopped, but " + alive + " process(es) still run and these ports are"
                    + " still bound: " + busy);
            return 1;
        }
        System.out.println("local mode stopped (" + processes.size() + " process(es); every port free)");
        return 0;
    }

    /** A postmaster from local mode's data directory whose local mode is gone (killed with -9, say). */
    private Optional<ProcessHandle> orphanedPostgres() {
        Path pidFile = settings.home().pgData().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void awaitGone(List<ProcessHandle> processes, Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
    }

    private List<String> awaitPortsFree() throws InterruptedException {
        var owners = settings.ports().owners(ServiceCatalog.services(), settings.externalDatabase().isEmpty(),
                settings.externalAmqpUrl().isEmpty());
        Instant giveUp = Instant.now().plus(PORTS_FREED_WITHIN);
        List<String> busy = FreePorts.busy(owners);
        while (!busy.isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            busy = FreePorts.busy(owners);
        }
        return busy;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.home().pidFile());
        } catch (IOException e) {
            // a stale pid file names no live process: harmless
        }
    }
}
