package net.voipbin.systemtests.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds a module's runnable jar, {@code <root>/<module>/target/<module>-*-exec.jar}, as Maven packaged it. */
public final class RunnableJars {

    private final Path root;

    public RunnableJars(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The repository root: system property {@code voipbin.fleet.root} (set by this module's failsafe
     * configuration), else the working directory or its parent, whichever holds {@code asterisk-sim}.
     */
    public static RunnableJars fromEnvironment() {
        String configured = System.getProperty("voipbin.fleet.root");
        if (configured != null && !configured.isBlank()) {
            return new RunnableJars(Path.of(configured));
        }
        Path cwd = Path.of("").toAbsolutePath();
        return new RunnableJars(Files.isDirectory(cwd.resolve("asterisk-sim")) ? cwd : cwd.getParent());
    }

    public Path root() {
        return root;
    }

    /** The newest {@code <module>-*-exec.jar}; fails with what to run when there is none. */
    public Path find(String module) {
        Path target = root.resolve(module).resolve("target");
        List<Path> jars = List.of();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jars = files.filter(p -> isExecJar(module, p)).sorted(Comparator.comparing(RunnableJars::modified)
                        .reversed()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no runnable jar " + target.resolve(module + "-*-exec.jar")
                    + ": run ./mvnw package first (e.g. ./mvnw -B -q -pl " + module + " package -DskipTests)");
        }
        return jars.getFirst();
    }

    private static boolean isExecJar(String module, Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(module + "-") && name.endsWith("-exec.jar");
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
