package net.voipbin.systemtests.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts fleet services as separate JVMs from their packaged jars and stops every one it started: on
 * {@link #close()} (a test's {@code @AfterAll}) and, should the test JVM end first, from a shutdown
 * hook. Output goes to {@code <logDir>/<service>.log}.
 */
public final class FleetLauncher implements AutoCloseable {

    /** How long a stopping service may take to close before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final RunnableJars jars;
    private final Path logDir;
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "fleet-launcher-shutdown");

    public FleetLauncher(RunnableJars jars, Path logDir) {
        this.jars = jars;
        this.logDir = logDir;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Starts the services together and waits until each is ready. Every jar is looked up before the
     * first process starts, so a missing build fails without leaving processes behind; a service that
     * does not come up stops the ones already started.
     */
    public List<ServiceProcess> startAll(List<ServiceSpec> specs, Duration readyWithin) {
        List<Path> resolved = specs.stream().map(spec -> jars.find(spec.module())).toList();
        List<ServiceProcess> processes = new ArrayList<>();
        try {
            for (int i = 0; i < specs.size(); i++) {
                ServiceProcess process = ServiceProcess.start(specs.get(i), resolved.get(i), logDir);
                started.add(process);
                processes.add(process);
            }
            for (ServiceProcess process : processes) {
                process.awaitReady(readyWithin);
            }
            return processes;
        } catch (RuntimeException e) {
            stop(processes);
            throw e;
        }
    }

    /** Starts one service and waits until it is ready. */
    public ServiceProcess start(ServiceSpec spec, Duration readyWithin) {
        return startAll(List.of(spec), readyWithin).getFirst();
    }

    /** Stops the given processes together (all asked first, then each awaited). */
    public void stop(List<ServiceProcess> processes) {
        processes.forEach(ServiceProcess::requestStop);
        processes.forEach(p -> p.awaitStop(STOP_GRACE));
        started.removeAll(processes);
    }

    private void stopAll() {
        stop(List.copyOf(started));
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
