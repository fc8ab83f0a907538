package net.voipbin.local.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.voipbin.local.home.LocalHome;

/**
 * Launches the local-mode process in the background, detached from the terminal: the same jar (or class
 * path) as this command, with the {@code daemon} command, its output in {@code logs/local-mode.out}.
 */
final class DaemonProcess {

    /**
     * One JVM hosts everything: a heap for ten services' contexts and the broker; C1 only, since start-up
     * time and memory matter more here than peak speed; the serial collector on two cores.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=96m");

    private DaemonProcess() {
    }

    static Process launch(LocalHome home) {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            // Its own session: closing the terminal that ran ./voipbin start does not hang it up.
            command.add("/usr/bin/setsid");
        }
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        String extra = System.getenv("VOIPBIN_LOCAL_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(selfLaunch());
        command.add("daemon");
        Path out = home.log("local-mode").resolveSibling("local-mode.out");
        try {
            Files.createDirectories(out.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("VOIPBIN_LOCAL_DIR", home.dir().toString());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch local mode: " + String.join(" ", command), e);
        }
    }

    /** {@code -jar <the jar>} when run from local mode's jar, else the class path and main class. */
    private static List<String> selfLaunch() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            return List.of("-jar", Path.of(classPath).toAbsolutePath().toString());
        }
        return List.of("-cp", classPath, net.voipbin.local.LocalMode.class.getName());
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
