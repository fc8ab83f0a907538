package net.voipbin.systemtests.launch;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One process to launch: the runnable jar of {@code module} ({@code <module>/target/<module>-*-exec.jar}),
 * started as {@code java <jvmOptions> -jar <jar> <args>} with {@code env} added to the inherited
 * environment. {@code name} names its log file and its messages.
 */
public record ServiceSpec(
        String name,
        String module,
        List<String> jvmOptions,
        List<String> args,
        Map<String, String> env,
        Readiness readiness) {

    /** Small heap, quick start: several JVMs share a 2-core machine in tests. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** The same process under another name (its log file): a second instance of one service. */
    public ServiceSpec named(String otherName) {
        return new ServiceSpec(otherName, module, jvmOptions, args, env, readiness);
    }

    /** The same process with {@code more} settings after its own (a test wants JSON logs, a debug level). */
    public ServiceSpec withMoreArgs(List<String> more) {
        return new ServiceSpec(name, module, jvmOptions, Stream.concat(args.stream(), more.stream())
                .toList(), env, readiness);
    }

    /** The same process with other JVM options (a benchmark wants the full JIT and a bigger heap). */
    public ServiceSpec withJvmOptions(List<String> options) {
        return new ServiceSpec(name, module, options, args, env, readiness);
    }
}
