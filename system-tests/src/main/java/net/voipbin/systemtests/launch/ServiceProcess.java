package net.voipbin.systemtests.launch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One launched JVM: its output (stdout and stderr) appended to {@code <logDir>/<name>.log}, a
 * readiness probe, and a stop that asks nicely (SIGTERM, so Spring closes its listeners) before it
 * kills.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(200);

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    /** Where this launch's output starts in the (appended) log file. */
    private final long logStart;

    private ServiceProcess(ServiceSpec spec, Process process, Path log, long logStart) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    static ServiceProcess start(ServiceSpec spec, Path jar, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(spec.name() + ".log");
            Files.writeString(log, "=== " + Instant.now() + " launching " + jar.getFileName() + " " + spec.args()
                    + System.lineSeparator(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            long start = Files.size(log);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(spec.jvmOptions());
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(spec.args());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(spec.env());
            return new ServiceProcess(spec, builder.start(), log, start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + spec.name() + " from " + jar, e);
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the process is ready; fails at once if it exits, or at the deadline, with the end of
     * its log in the message.
     */
    public void awaitReady(Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        while (!probe()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready; log " + log + " ends with:\n" + logTail(40));
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(spec.name() + " not ready within " + deadline + " ("
                        + spec.readiness() + "); log " + log + " ends with:\n" + logTail(40));
            }
            pause();
        }
    }

    /** One look: is it ready now? */
    public boolean probe() {
        return switch (spec.readiness()) {
            case Readiness.HealthUp health -> healthUp(health.port());
            case Readiness.LogLine line -> output().contains(line.marker());
        };
    }

    /** Stops the process: SIGTERM, then after {@code grace} a kill. */
    public void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** SIGTERM: Spring closes its listeners and connections, the simulator its server. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code grace} for the process to end after {@link #requestStop}, then kills it. */
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** This launch's output so far. */
    public String output() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length() - logStart;
            byte[] bytes = new byte[(int) Math.max(0, Math.min(length, Integer.MAX_VALUE - 8))];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String logTail(int lines) {
        List<String> all = output().lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static boolean healthUp(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(3)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + process.pid() + ", log " + log + ")";
    }
}
