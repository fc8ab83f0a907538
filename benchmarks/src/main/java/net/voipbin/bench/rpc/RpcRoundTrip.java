package net.voipbin.bench.rpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.Latencies;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.Topology;

/**
 * common-rpc request/response against the raw RabbitMQ client with direct reply-to, same payload,
 * same broker, at 1 and 16 concurrent callers. Usage: {@code rpc [amqp-uri] [requests-per-step]}.
 */
public final class RpcRoundTrip {

    /** A call-sized payload, as a typical fleet request carries. */
    static final Map<String, Object> PAYLOAD = Map.of(
            "id", "6f4a4bb6-0a0c-4d1e-9d9b-1f2f1c1d8e11",
            "customer_id", "a1b2c3d4-0000-4000-8000-000000000001",
            "source", Map.of("type", "tel", "target", "+15550100"),
            "destination", Map.of("type", "tel", "target", "+15550199"),
            "status", "progressing",
            "direction", "incoming");

    private RpcRoundTrip() {
    }

    public record Step(int callers, double p50Micros, double p99Micros, double requestsPerSecond) {
    }

    public record Result(List<Step> fleet, List<Step> raw) {
    }

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : "amqp://guest:guest@127.0.0.1:5672";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Result result = measure(uri, requests);
        System.out.printf("%nRpcRoundTrip (%d requests per step, payload %d bytes)%n", requests,
                Json.newMapper().writeValueAsBytes(PAYLOAD).length);
        System.out.printf("%-8s %-8s %10s %10s %12s%n", "client", "callers", "p50 us", "p99 us", "req/s");
        for (int i = 0; i < result.fleet().size(); i++) {
            print("common", result.fleet().get(i));
            print("raw", result.raw().get(i));
            System.out.printf("%-8s %-8d %9.2fx %9.2fx %11.2fx%n", "ratio", result.fleet().get(i).callers(),
                    result.fleet().get(i).p50Micros() / result.raw().get(i).p50Micros(),
                    result.fleet().get(i).p99Micros() / result.raw().get(i).p99Micros(),
                    result.raw().get(i).requestsPerSecond() / result.fleet().get(i).requestsPerSecond());
        }
    }

    /** Runs both clients; reusable by other benchmarks that report a ratio against RPC. */
    public static Result measure(String uri, int requests) throws Exception {
        String namespace = "bench" + UUID.randomUUID().toString().substring(0, 8) + ".";
        List<Step> fleet = new ArrayList<>();
        List<Step> raw = new ArrayList<>();
        try (ConfigurableApplicationContext server = EchoServiceApp.start("echo", uri, namespace);
                ConfigurableApplicationContext client = EchoServiceApp.start("bench-caller", uri, namespace)) {
            RpcClient rpc = client.getBean(RpcClient.class);
            String queue = client.getBean(Topology.class).requestQueue("echo");
            Callable<Object> call = () -> rpc.call(queue, "POST", "/v1/echo/42", PAYLOAD, Map.class);
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            try (RawDirectReplyTo baseline = new RawDirectReplyTo(factory, namespace + "raw.request")) {
                byte[] payload = Json.newMapper().writeValueAsString(PAYLOAD).getBytes(StandardCharsets.UTF_8);
                for (int callers : new int[] {1, 16}) {
                    run(callers, Math.max(2_000, requests / 5), call);
                    fleet.add(run(callers, requests, call));
                    List<RawDirectReplyTo.Caller> rawCallers = new ArrayList<>();
                    for (int i = 0; i < callers; i++) {
                        rawCallers.add(baseline.caller());
                    }
                    run(callers, Math.max(2_000, requests / 5), rawCall(rawCallers, payload));
                    raw.add(run(callers, requests, rawCall(rawCallers, payload)));
                }
            }
        } finally {
            BenchLeftovers.deleteNamespace(uri, namespace);
        }
        return new Result(fleet, raw);
    }

    private static Callable<Object> rawCall(List<RawDirectReplyTo.Caller> callers, byte[] payload) {
        ThreadLocal<RawDirectReplyTo.Caller> mine = new ThreadLocal<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return () -> {
            RawDirectReplyTo.Caller caller = mine.get();
            if (caller == null) {
                caller = callers.get(next.getAndIncrement() % callers.size());
                mine.set(caller);
            }
            return caller.call(payload);
        };
    }

    private static Step run(int callers, int requests, Callable<Object> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        Latencies latencies = new Latencies(requests);
        int perCaller = requests / callers;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    long t0 = System.nanoTime();
                    call.call();
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Step(callers, latencies.percentileMicros(0.50), latencies.percentileMicros(0.99),
                latencies.count() / seconds);
    }

    private static void print(String client, Step step) {
        System.out.printf("%-8s %-8d %10.1f %10.1f %12.0f%n", client, step.callers(), step.p50Micros(),
                step.p99Micros(), step.requestsPerSecond());
    }
}
