package net.voipbin.bench.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.BenchProperties;
import net.voipbin.bench.CpuMeter;
import net.voipbin.bench.Latencies;
import net.voipbin.bench.rpc.RpcRoundTrip;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceProcess;

/**
 * Inbound call set-up through the real fleet: asterisk-proxy, call-manager and flow-manager as
 * processes from their jars (as the system test runs them), the ARI simulator in this JVM. Calls to a
 * number whose flow is [answer, hangup] are placed at 50, 100, 200 and 500 calls/s; the latency is
 * StasisStart (the call placed) to the answer request reaching the simulator. Then the RPC round trip,
 * for the ratio set-up p50 / (RPC hops x RPC p50). Usage: {@code inbound-call [seconds-per-step] [rates...]}.
 */
public final class InboundCallSetup {

    /** StasisStart -> flow-manager (create activeflow) -> call-manager (answer) -> asterisk-proxy (ARI). */
    static final int RPC_HOPS = 3;
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);
    private static final String SERIAL_GC = "-XX:+UseSerialGC";
    /**
     * The services run with the full JIT, as in production: the system tests' options stop at C1 for a
     * quick start, which here would measure C1's code. The serial collector stays (small heaps, and no
     * collector threads competing for the two cores). The JIT compiler threads run at the lowest
     * priority, nice 19: a C2 compilation still came now and then after the warm-up and took one of the
     * two cores for a few hundred ms, and the calls of that moment waited behind it; at nice 19 it runs
     * in the time the calls leave idle. {@code ThreadPriorityPolicy=1} lets the JVM set native priorities
     * at all; lowering one needs no privilege, and as root the JVM also raises its VM thread (nice -4).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", SERIAL_GC,
            "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=19");
    /**
     * Warm-up at 100 calls/s, the highest rate the machine serves with headroom: C2 compiles the code
     * the measured rates run (a warm-up at 30 calls/s left recompilations for the steps above it).
     */
    private static final int WARMUP_RATE = 100;

    private InboundCallSetup() {
    }

    record Step(int rate, int placed, int failed, double p50Millis, double p90Millis, double p99Millis,
            Map<String, Double> cpuPerCall) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> rates = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rates.add(Integer.parseInt(args[i]));
        }
        if (rates.isEmpty()) {
            rates = List.of(50, 100, 200, 500);
        }
        String amqp = "amqp://guest:guest@127.0.0.1:5672";
        List<Step> steps = new ArrayList<>();
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults().withAsteriskId("bench"));
                BenchFleet fleet = BenchFleet.start(amqp, sim.baseUrl())) {
            String number = fleet.numberRunning("[{\"id\": \"a\", \"type\": \"answer\", \"option\": {}},"
                    + " {\"id\": \"h\", \"type\": \"hangup\", \"option\": {\"reason\": \"normal\"}}]");
            AnswerWatch watch = AnswerWatch.on(sim);
            // JIT warm-up of the three services: cold, they queue the first steps' calls for seconds, and
            // C2 compiles the hot paths only after some thousands of calls through them. After 60 s their
            // C2 threads still took 40-50 % of each service's CPU in the first step (per-thread CPU in
            // /proc); after 180 s, under 15 %.
            Map<Long, String> named = new LinkedHashMap<>();
            fleet.processes.forEach(service -> named.put(service.pid(), service.name()));
            named.put(ProcessHandle.current().pid(), "simulator");
            CpuMeter cpu = new CpuMeter(named);
            run(sim, watch, cpu, number, Integer.getInteger("bench.warmup-rate", WARMUP_RATE),
                    Integer.getInteger("bench.warmup-seconds", 180));
            for (int rate : rates) {
                steps.add(run(sim, watch, cpu, number, rate, seconds));
                System.out.printf("%d calls/s: %s%n", rate, steps.getLast());
            }
        }
        double rpcP50Millis = RpcRoundTrip.measure(amqp, 5_000).fleet().getFirst().p50Micros() / 1000.0;
        print(steps, seconds, rpcP50Millis);
    }

    private static Step run(AsteriskSim sim, AnswerWatch watch, CpuMeter cpu, String number, int rate, int seconds)
            throws InterruptedException {
        CpuMeter.Snapshot cpuBefore = cpu.take();
        Map<String, Long> placedAt = new LinkedHashMap<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        pacer.scheduleAtFixedRate(() -> {
            if (placedAt.size() < total) {
                long now = System.nanoTime();
                String channel = sim.placeInboundCall("+1555" + (1_000_000 + placedAt.size()), number);
                synchronized (placedAt) {
                    placedAt.put(channel, now);
                }
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (true) {
            synchronized (placedAt) {
                if (placedAt.size() >= total) {
                    break;
                }
            }
            Thread.sleep(50);
        }
        pacer.shutdownNow();
        awaitAnswers(watch, placedAt);
        // The calls' hangups are part of their cost: let the last ones finish before reading the CPU.
        Thread.sleep(1_000);
        Map<String, Double> cpuPerCall = CpuMeter.perUnit(cpuBefore, cpu.take(), total);
        Latencies latencies = new Latencies(total);
        int failed = 0;
        synchronized (placedAt) {
            for (var call : placedAt.entrySet()) {
                Long answered = watch.answeredAt(call.getKey());
                if (answered == null || answered - call.getValue() > ANSWER_DEADLINE.toNanos()) {
                    failed++;
                } else {
                    latencies.add(answered - call.getValue());
                }
            }
        }
        String dump = System.getProperty("bench.dump");
        if (dump != null) {
            synchronized (placedAt) {
                dump(Path.of(dump + "-" + rate + ".txt"), placedAt, watch);
            }
        }
        return new Step(rate, total, failed, latencies.percentileMicros(0.5) / 1000.0,
                latencies.percentileMicros(0.9) / 1000.0, latencies.percentileMicros(0.99) / 1000.0, cpuPerCall);
    }

    /**
     * One line per call, "placed-at answer-latency": the wall clock in ms and the latency in µs (-1 when
     * never answered), to find when slow calls happened (they come in bursts) and line them up with the
     * services' GC and JIT logs ({@code -Xlog:...:timemillis}).
     */
    private static void dump(Path file, Map<String, Long> placedAt, AnswerWatch watch) {
        long wallMinusNanoMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        StringBuilder lines = new StringBuilder();
        placedAt.forEach((channel, placed) -> {
            Long answered = watch.answeredAt(channel);
            lines.append(wallMinusNanoMillis + placed / 1_000_000).append(' ')
                    .append(answered == null ? -1 : (answered - placed) / 1_000).append('\n');
        });
        try {
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Until every placed call is answered, or the deadline after the last one is placed. */
    private static void awaitAnswers(AnswerWatch watch, Map<String, Long> placedAt) throws InterruptedException {
        long deadline = System.nanoTime() + ANSWER_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (placedAt) {
                if (placedAt.keySet().stream().allMatch(channel -> watch.answeredAt(channel) != null)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    private static void print(List<Step> steps, int seconds, double rpcP50Millis) {
        System.out.printf("%nInboundCallSetup (%d s per step, flow [answer, hangup], "
                + "StasisStart -> answer request received)%n", seconds);
        System.out.printf("%-8s %-8s %-8s %10s %10s %10s%n", "calls/s", "placed", "failed", "p50 ms", "p90 ms",
                "p99 ms");
        int held = 0;
        for (Step step : steps) {
            System.out.printf("%-8d %-8d %-8d %10.2f %10.2f %10.2f   CPU ms per call: %s%n", step.rate(),
                    step.placed(), step.failed(), step.p50Millis(), step.p90Millis(), step.p99Millis(),
                    CpuMeter.format(step.cpuPerCall()));
            if (step.failed() == 0 && step.p99Millis() <= 10.0) {
                held = Math.max(held, step.rate());
            }
        }
        System.out.printf("highest rate held with p99 <= 10 ms and no failures: %s%n", held == 0 ? "none" : held + " calls/s");
        double setupP50 = steps.getFirst().p50Millis();
        System.out.printf("RPC round trip p50 %.3f ms; set-up p50 at %d calls/s / (%d hops x RPC p50) = %.2f%n",
                rpcP50Millis, steps.getFirst().rate(), RPC_HOPS, setupP50 / (RPC_HOPS * rpcP50Millis));
    }

    /** The three services as processes, in a namespace and schemas of their own. */
    static final class BenchFleet implements AutoCloseable {

        private final FleetLauncher launcher;
        private final FleetEnv env;
        private final int callManagerPort = FreePorts.next();
        private final int flowManagerPort = FreePorts.next();
        private final UUID customer = UUID.randomUUID();
        private final String suffix = UUID.randomUUID().toString().substring(0, 8);
        private List<ServiceProcess> processes = List.of();

        private BenchFleet(String amqp) {
            env = new FleetEnv(amqp, "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "",
                    "bench-only-jwt-key-for-the-inbound-call-setup-benchmark", "bench" + suffix + ".");
            launcher = new FleetLauncher(RunnableJars.fromEnvironment(), Path.of("benchmarks", "target", "fleet-logs"));
        }

        static BenchFleet start(String amqp, String ariUrl) {
            BenchFleet fleet = new BenchFleet(amqp);
            String suffix = fleet.suffix;
            fleet.processes = fleet.launcher.startAll(Stream.of(
                    FleetServices.asteriskProxy(fleet.env, FreePorts.next(), "bench", ariUrl),
                    FleetServices.service("call-manager", fleet.env, fleet.callManagerPort, "bench_cm_" + suffix,
                            with(List.of("--voipbin.call-manager.tts.engine=prompt", "--logging.level.root=WARN"))),
                    FleetServices.service("flow-manager", fleet.env, fleet.flowManagerPort, "bench_fm_" + suffix,
                            with(List.of("--logging.level.root=WARN"))))
                    .map(service -> service.withJvmOptions(jvmOptions())).toList(), Duration.ofMinutes(3));
            return fleet;
        }

        /**
         * {@link #SERVICE_JVM_OPTIONS} and those of {@code bench.jvm-options} (space separated), e.g. a profiler
         * agent; a collector named there ({@code -XX:+UseZGC}) replaces the serial one (the JVM refuses two).
         */
        private static List<String> jvmOptions() {
            List<String> options = BenchProperties.extend(SERVICE_JVM_OPTIONS, "bench.jvm-options", " ");
            if (options.stream().skip(SERVICE_JVM_OPTIONS.size()).anyMatch(BenchFleet::namesCollector)) {
                options.remove(SERIAL_GC);
            }
            return options;
        }

        private static boolean namesCollector(String jvmOption) {
            return jvmOption.startsWith("-XX:+Use") && jvmOption.endsWith("GC");
        }

        /** Extra service settings from the system property {@code bench.args} (comma separated), for tuning runs. */
        private static List<String> with(List<String> base) {
            return BenchProperties.extend(base, "bench.args", ",");
        }

        String numberRunning(String actions) {
            String token = net.voipbin.rpc.auth.JwtTokens.mint(env.jwtSecret(), customer, Duration.ofHours(1));
            String flow = Rest.post("http://127.0.0.1:" + flowManagerPort + "/v1.0/flows", token,
                    "{\"name\": \"bench\", \"actions\": " + actions + "}");
            String flowId = Rest.field(flow, "id");
            String number = "+1999" + (1_000_000 + (long) (Math.random() * 8_999_999));
            Rest.post("http://127.0.0.1:" + callManagerPort + "/v1.0/numbers", token,
                    "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"bench\"}");
            return number;
        }

        @Override
        public void close() {
            launcher.close();
            BenchLeftovers.dropSchemas(env.dbUrl(), env.dbUser(), env.dbPassword(),
                    List.of("bench_cm_" + suffix, "bench_fm_" + suffix));
            BenchLeftovers.deleteNamespace(env.amqpUrl(), env.namespace());
        }
    }
}
