package net.voipbin.bench.campaign;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.CpuMeter;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceProcess;
import net.voipbin.systemtests.launch.ServiceSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An outbound campaign through the real fleet: asterisk-proxy, call-manager, flow-manager, outdial-manager
 * and two campaign-manager instances (one schema) as processes, the ARI simulator in this JVM (time 10x).
 * N targets (default 10 000) with a realistic outcome mix (45 % answer and hear a prompt, 20 % busy, 20 %
 * no answer, 10 % unavailable, 5 % on the do-not-call list), one try each, dialled at a configured rate.
 * Reports the pacing error against the rate, duplicate dials, the most calls in flight against the cap,
 * and CPU per dial per process. Usage: {@code campaign [targets] [dials/s] [max-in-flight]}; the services' jars
 * are found under {@code -Dvoipbin.fleet.root} (copy them aside when other builds may replace them mid-run).
 * <p>
 * This 2-core machine, shared with other builds (load 5-13): 2 000 targets at 10 dials/s, cap 200: 1 900
 * dials (100 DNC) in 189.7 s, 10.01 dials/s (pacing error 0.09 %, worst 10 s window 15 %), no duplicate,
 * no DNC number dialled, at most 87 in flight; CPU per dial (ms): call-manager 21.9, campaign-manager 21.0 +
 * 16.6, outdial-manager 15.8, flow-manager 10.5, asterisk-proxy 5.9, RabbitMQ 19.9, PostgreSQL 9.5, total
 * 127. At 50 dials/s the whole fleet needs about 4 cores (85-127 ms of CPU per dial): it reached 18.5
 * dials/s with the 200 calls in flight as the limit and call-manager's RPC timing out, so 10 000 targets at
 * 50/s is for a bigger machine.
 */
public final class CampaignBenchmark {

    private static final JsonMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Prefix per outcome (+1 650 25x xxxx are valid US numbers): the simulator plans by prefix. */
    private static final String ANSWER = "+1650253";
    private static final String BUSY = "+1650254";
    private static final String NO_ANSWER = "+1650255";
    private static final String UNAVAILABLE = "+1650256";
    private static final String DNC = "+1650257";
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=19");

    private CampaignBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 50;
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String amqp = "amqp://guest:guest@127.0.0.1:5672";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FleetEnv env = new FleetEnv(amqp, "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "",
                "bench-only-jwt-key-for-the-campaign-benchmark-0123456789", "bench" + suffix + ".");
        List<String> schemas = List.of("bench_cm_" + suffix, "bench_fm_" + suffix, "bench_od_" + suffix,
                "bench_camp_" + suffix);
        // Simulated time 10x: an answered call's prompt and the rings before busy or no answer are short.
        try (AsteriskSim sim = AsteriskSim.start(SimConfig.defaults().withAsteriskId("bench").withTimeScale(0.1));
                FleetLauncher launcher = new FleetLauncher(RunnableJars.fromEnvironment(),
                        Path.of("benchmarks", "target", "fleet-logs"))) {
            sim.planOriginate(ANSWER, OriginateOutcome.ANSWERED, Duration.ofSeconds(5));
            sim.planOriginate(BUSY, OriginateOutcome.BUSY, Duration.ofSeconds(5));
            sim.planOriginate(NO_ANSWER, OriginateOutcome.NO_ANSWER, Duration.ofSeconds(20));
            sim.planOriginate(UNAVAILABLE, OriginateOutcome.FAILED, Duration.ofSeconds(1));
            Map<String, AtomicLong> dials = new ConcurrentHashMap<>();
            List<Long> dialNanos = new CopyOnWriteArrayList<>();
            sim.onRequest(r -> {
                if ("POST".equals(r.method()) && "/ari/channels".equals(r.path())) {
                    dialNanos.add(System.nanoTime());
                    dials.computeIfAbsent(r.param("endpoint").orElse(""), k -> new AtomicLong()).incrementAndGet();
                }
            });
            int[] ports = {FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()};
            List<ServiceProcess> fleet = launcher.startAll(List.of(
                    FleetServices.asteriskProxy(env, FreePorts.next(), "bench", sim.baseUrl()),
                    service("call-manager", env, ports[0], schemas.get(0), "--voipbin.call-manager.tts.engine=prompt"),
                    service("flow-manager", env, ports[1], schemas.get(1)),
                    service("outdial-manager", env, ports[2], schemas.get(2)),
                    service("campaign-manager", env, ports[3], schemas.get(3)).named("campaign-manager-a"),
                    service("campaign-manager", env, ports[4], schemas.get(3)).named("campaign-manager-b")),
                    Duration.ofMinutes(3));
            String campaignA = "http://127.0.0.1:" + ports[3] + "/v1.0";
            String outdials = "http://127.0.0.1:" + ports[2] + "/v1.0";
            String token = JwtTokens.mint(env.jwtSecret(), UUID.randomUUID(), Duration.ofHours(4));

            List<String> numbers = new ArrayList<>(targets);
            for (int i = 0; i < targets; i++) {
                int bucket = i % 20;
                String prefix = bucket < 9 ? ANSWER : bucket < 13 ? BUSY : bucket < 17 ? NO_ANSWER : bucket < 19 ? UNAVAILABLE : DNC;
                numbers.add(prefix + String.format("%04d", i % 10_000));
            }
            numbers.stream().filter(n -> n.startsWith(DNC)).forEach(n ->
                    post(campaignA + "/dncs", token, "{\"number\":\"" + n + "\"}"));
            String outdial = post(outdials + "/outdials", token, "{\"name\":\"bench\"}").path("id").asString();
            StringBuilder body = new StringBuilder("[");
            numbers.forEach(n -> body.append(body.length() == 1 ? "" : ",").append("{\"time_zone\":\"UTC\",\"destinations\":[\"")
                    .append(n).append("\"]}"));
            JsonNode imported = post(outdials + "/outdials/" + outdial + "/targets/import", token, body.append("]").toString());
            String plan = post(campaignA + "/outplans", token, "{\"name\":\"bench\",\"source\":\"+16502530000\","
                    + "\"dial_timeout_ms\":30000,\"max_tries\":[1],\"retry_busy_ms\":60000,\"retry_no_answer_ms\":60000,"
                    + "\"retry_unavailable_ms\":60000,\"retry_failed_ms\":60000}").path("id").asString();
            String campaign = post(campaignA + "/campaigns", token, "{\"name\":\"bench\",\"outplan_id\":\"" + plan
                    + "\",\"outdial_id\":\"" + outdial + "\",\"dial_rate\":" + rate + ",\"max_in_flight\":" + cap
                    + ",\"actions\":[{\"type\":\"talk\",\"option\":{\"text\":\"hello world\"}},{\"type\":\"hangup\"}]}")
                    .path("id").asString();
            System.out.printf("imported %d targets; starting at %.1f dials/s, %d in flight at most%n",
                    imported.path("imported").asInt(), rate, cap);

            Map<Long, String> named = new LinkedHashMap<>();
            fleet.forEach(p -> named.put(p.pid(), p.name()));
            named.put(ProcessHandle.current().pid(), "simulator+driver");
            CpuMeter cpu = new CpuMeter(named);
            CpuMeter.Snapshot before = cpu.take();
            long started = System.nanoTime();
            post(campaignA + "/campaigns/" + campaign + "/start", token, "");
            long maxInFlight = 0;
            long deadline = started + (long) ((targets / rate * 3 + 180) * 1e9);
            while (System.nanoTime() < deadline) {
                maxInFlight = Math.max(maxInFlight, get(campaignA + "/campaigns/" + campaign + "/statistics", token)
                        .path("in_flight").asLong());
                if ("stop".equals(get(campaignA + "/campaigns/" + campaign, token).path("status").asString())) {
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuMeter.Snapshot after = cpu.take();
            JsonNode stats = get(campaignA + "/campaigns/" + campaign + "/statistics", token);
            report(targets, rate, cap, seconds, dialNanos, dials, maxInFlight, stats,
                    CpuMeter.perUnit(before, after, dialNanos.size()));
        } finally {
            BenchLeftovers.dropSchemas(env.dbUrl(), env.dbUser(), env.dbPassword(), schemas);
            BenchLeftovers.deleteNamespace(env.amqpUrl(), env.namespace());
        }
    }

    private static void report(int targets, double rate, int cap, double seconds, List<Long> dialNanos,
            Map<String, AtomicLong> dials, long maxInFlight, JsonNode stats, Map<String, Double> cpuPerDial) {
        List<Long> sorted = dialNanos.stream().sorted().toList();
        int n = sorted.size();
        double span = n < 2 ? 0 : (sorted.getLast() - sorted.getFirst()) / 1e9;
        double achieved = n < 2 ? 0 : (n - 1) / span;
        long duplicates = dials.values().stream().filter(c -> c.get() > 1).count();
        long dncDialled = dials.keySet().stream().filter(e -> e.contains(DNC)).count();
        // The worst 10 s window, after the first 10 s (the budget starts with one dial in hand).
        double worst = 0;
        for (long start = sorted.isEmpty() ? 0 : sorted.getFirst() + 10_000_000_000L;
                n > 0 && start + 10_000_000_000L <= sorted.getLast(); start += 1_000_000_000L) {
            long s = start;
            long count = sorted.stream().filter(t -> t >= s && t < s + 10_000_000_000L).count();
            worst = Math.max(worst, Math.abs(count / 10.0 - rate) / rate);
        }
        System.out.printf("%nCampaignBenchmark: %d targets, %.1f dials/s configured, cap %d in flight, 2 campaign-manager"
                + " instances%n", targets, rate, cap);
        System.out.printf("dials %d in %.1f s (campaign done after %.1f s); achieved %.2f dials/s, pacing error %.2f %%"
                + " (worst 10 s window %.2f %%)%n", n, span, seconds, achieved, Math.abs(achieved - rate) / rate * 100,
                worst * 100);
        System.out.printf("duplicate dials: %d; DNC numbers dialled: %d; most in flight seen: %d (cap %d)%n", duplicates,
                dncDialled, maxInFlight, cap);
        System.out.printf("statistics: %s%n", stats);
        System.out.printf("CPU ms per dial: %s%n", CpuMeter.format(cpuPerDial));
    }

    private static ServiceSpec service(String module, FleetEnv env, int port, String schema, String... extra) {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return FleetServices.service(module, env, port, schema, args).withJvmOptions(SERVICE_JVM_OPTIONS);
    }

    private static JsonNode post(String url, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
