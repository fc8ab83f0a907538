package net.voipbin.systemtests.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.voipbin.systemtests.launch.RunnableJars;

/**
 * The repository's {@code ./voipbin} script, run as a user runs it: bash, a state directory and a port
 * block of the test's own, the test JVM's JDK unless told otherwise, and nothing of the machine's
 * PostgreSQL or RabbitMQ in the environment.
 */
public final class VoipbinCli {

    /** What one command printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private final Path root = RunnableJars.fromEnvironment().root();
    private final Path home;
    private final int portBase;
    private final Map<String, String> extraEnv = new HashMap<>();

    public VoipbinCli(Path home, int portBase) {
        this.home = home.toAbsolutePath();
        this.portBase = portBase;
    }

    public VoipbinCli withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    public Path home() {
        return home;
    }

    public int portBase() {
        return portBase;
    }

    public Result run(Duration within, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("voipbin").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        // A user's fresh shell: no test-support or fleet settings leak in.
        env.keySet().removeIf(name -> name.startsWith("VOIPBIN_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("VOIPBIN_LOCAL_DIR", home.toString());
        env.put("VOIPBIN_LOCAL_PORT_BASE", Integer.toString(portBase));
        env.putAll(extraEnv);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./voipbin " + String.join(" ", args) + " did not end within "
                        + within + ":\n" + new String(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
