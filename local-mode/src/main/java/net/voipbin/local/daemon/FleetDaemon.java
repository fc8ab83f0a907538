package net.voipbin.local.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import net.voipbin.local.home.LocalSettings;
import net.voipbin.local.home.PortPlan;
import net.voipbin.local.logging.ServiceLogs;
import net.voipbin.local.status.StatusReport;

/**
 * The local-mode process: PostgreSQL and the AMQP broker (embedded, or the user's), asterisk-sim, then
 * every service's Spring context in this JVM, sharing its classes, heap and JIT. It keeps a status
 * table on its control port and, on SIGTERM, stops everything it started: the services first, then
 * the simulator, the broker and the database they used.
 */
public final class FleetDaemon {

    private static final Logger log = LoggerFactory.getLogger(FleetDaemon.class);
    /** A service context that started may still report DOWN for a moment (the proxy's WebSocket). */
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

    private final LocalSettings settings;
    private final PortPlan ports;
    private final FleetStatus status = new FleetStatus();
    private final Instant startedAt = Instant.now();
    private final List<ServiceContext> contexts = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Double readySeconds;
    private volatile Wiring wiring;
    private volatile FleetInfrastructure infrastructure;
    private volatile ControlServer control;

    private FleetDaemon(LocalSettings settings) {
        this.settings = settings;
        this.ports = settings.ports();
    }

    /** Runs until stopped through the control port (or a signal), then exits the JVM. */
    public static void run(LocalSettings settings) throws InterruptedException {
        FleetDaemon daemon = new FleetDaemon(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::shutdown, "local-mode-shutdown"));
        daemon.start();
        daemon.stopped.await();
        System.exit(0);
    }

    private void start() {
        settings.home().prepare();
        writePid();
        control = ControlServer.start(ports.control(), this::report,
                () -> Thread.ofPlatform().name("local-mode-stop").start(this::shutdown));
        infrastructure = new FleetInfrastructure(settings, status);
        ServiceCatalog.services().forEach(s -> status.expect(s.name(), "http://127.0.0.1:" + ports.service(s.documentedPort())));
        try {
            wiring = infrastructure.start();
            startServices();
            readySeconds = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
            log.info("local mode ready in {} s", readySeconds);
        } catch (RuntimeException e) {
            log.error("local mode did not start: {}", e.getMessage(), e);
        }
    }

    /** Every service at once on a small pool: they share the classes the first ones load. */
    private void startServices() {
        int parallel = Integer.getInteger("voipbin.local.parallel-starts", 2);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<CompletableFuture<Boolean>> starts = ServiceCatalog.services().stream()
                    .map(service -> CompletableFuture.supplyAsync(() -> startService(service), pool)).toList();
            long failed = starts.stream().map(CompletableFuture::join).filter(ok -> !ok).count();
            if (failed > 0) {
                throw new IllegalStateException(failed + " service(s) failed to start");
            }
        } finally {
            pool.shutdown();
        }
    }

    private boolean startService(LocalService service) {
        int port = ports.service(service.documentedPort());
        try {
            contexts.add(ServiceContext.start(service, wiring));
            Instant giveUp = Instant.now().plus(HEALTHY_WITHIN);
            while (HealthProbe.of(port) != ComponentState.HEALTHY) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("/actuator/health on port " + port + " did not answer UP within "
                            + HEALTHY_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
            status.up(service.name(), () -> HealthProbe.of(port));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.failed(service.name(), "interrupted");
            return false;
        } catch (RuntimeException e) {
            MDC.put(ServiceLogs.MDC_KEY, service.name());
            log.error("{} did not start", service.name(), e);
            MDC.remove(ServiceLogs.MDC_KEY);
            status.failed(service.name(), rootMessage(e));
            return false;
        }
    }

    private StatusReport report() {
        Wiring current = wiring;
        return new StatusReport(ProcessHandle.current().pid(), startedAt, readySeconds,
                current == null ? null : current.amqpUrl(), settings.amqpNamespace(),
                current == null ? null : current.dbUrl(),
                "http://127.0.0.1:" + ports.simulator(), settings.home().developmentCustomer(),
                status.rows().stream().map(r -> new StatusReport.Component(r.name(), r.url(), r.state(), r.detail()))
                        .toList());
    }

    /** Stops everything once, in order; a second call (the JVM's hook after a requested stop) does nothing. */
    private void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        log.info("local mode stopping");
        status.stopping();
        List<ServiceContext> started;
        synchronized (contexts) {
            started = List.copyOf(contexts);
        }
        started.parallelStream().forEach(this::closeQuietly);
        if (infrastructure != null) {
            infrastructure.close();
        }
        if (control != null) {
            control.close();
        }
        try {
            Files.deleteIfExists(settings.home().pidFile());
        } catch (IOException e) {
            log.warn("cannot remove {}", settings.home().pidFile(), e);
        }
        log.info("local mode stopped");
        stopped.countDown();
    }

    /** A signal during a requested stop: the JVM must not end before the stop has. */
    private void awaitStopped() {
        try {
            stopped.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly(ServiceContext context) {
        try {
            context.close();
        } catch (RuntimeException e) {
            log.warn("{} did not stop cleanly", context.name(), e);
        }
    }

    private void writePid() {
        try {
            Files.writeString(settings.home().pidFile(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
