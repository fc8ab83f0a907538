package net.voipbin.bench.queue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.Latencies;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.launch.FleetEnv;
import net.voipbin.systemtests.launch.FleetLauncher;
import net.voipbin.systemtests.launch.FleetServices;
import net.voipbin.systemtests.launch.FreePorts;
import net.voipbin.systemtests.launch.RunnableJars;
import net.voipbin.systemtests.launch.ServiceSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queue distribution through the real agent-manager and queue-manager (processes, one schema each); call-manager
 * is played by this JVM over the broker (its RPC routes answered, {@code call_answered} 20 ms after an offer is
 * dialled, the caller hanging up {@code talk-ms} after the answer). Per strategy, {@code callers} arrive at once
 * for {@code agents} agents (a customer each). Reports the dispatch latency (an agent's {@code available} event
 * seen here → call-manager asked to dial it, while callers wait) p50/p99, offers per agent (min/max/stddev) and
 * double offers (an agent dialled while a call of its own is still up). Usage:
 * {@code queue [callers per strategy] [agents] [talk-ms] [strategies,comma,separated]}.
 */
public final class QueueBenchmark {

    private static final JsonMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Channel channel;
    private final String namespace;
    private final int talkMs;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    /** Call id → agent extension (offer calls) or "caller". */
    private final Map<String, String> callTarget = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> liveByAgent = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> offers = new ConcurrentHashMap<>();
    private final Map<String, Long> availableAt = new ConcurrentHashMap<>();
    private final Map<String, String> agentIdByExtension = new ConcurrentHashMap<>();
    private final Map<String, String> callerOfOffer = new ConcurrentHashMap<>();
    private final AtomicInteger doubleOffers = new AtomicInteger();
    private final AtomicLong done = new AtomicLong();
    private volatile Latencies latencies = new Latencies(10_000);

    private QueueBenchmark(Channel channel, String namespace, int talkMs) {
        this.channel = channel;
        this.namespace = namespace;
        this.talkMs = talkMs;
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int talkMs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> strategies = List.of((args.length > 3 ? args[3] : "round_robin,longest_idle,least_calls,random")
                .split(","));
        String amqp = "amqp://guest:guest@127.0.0.1:5672";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FleetEnv env = new FleetEnv(amqp, "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "",
                "bench-only-jwt-key-for-the-queue-benchmark-0123456789ab", "bench" + suffix + ".");
        List<String> schemas = List.of("bench_am_" + suffix, "bench_qm_" + suffix);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp);
        try (FleetLauncher launcher = new FleetLauncher(RunnableJars.fromEnvironment(),
                Path.of("benchmarks", "target", "fleet-logs")); Connection connection = factory.newConnection()) {
            QueueBenchmark bench = new QueueBenchmark(connection.createChannel(), env.namespace(), talkMs);
            bench.serveCallManager(connection.createChannel());
            int agentPort = FreePorts.next();
            int queuePort = FreePorts.next();
            launcher.startAll(List.of(service("agent-manager", env, agentPort, schemas.get(0)),
                    service("queue-manager", env, queuePort, schemas.get(1))), Duration.ofMinutes(3));
            bench.watchAgents(connection.createChannel());
            System.out.printf("%nQueueBenchmark: %d callers per strategy, %d agents, talk %d ms, answer 20 ms%n",
                    callers, agents, talkMs);
            for (String strategy : strategies) {
                bench.phase(env, strategy.strip(), callers, agents, "http://127.0.0.1:" + agentPort + "/v1.0",
                        "http://127.0.0.1:" + queuePort + "/v1.0");
            }
        } finally {
            BenchLeftovers.dropSchemas(env.dbUrl(), env.dbUser(), env.dbPassword(), schemas);
            BenchLeftovers.deleteNamespace(env.amqpUrl(), env.namespace());
        }
        System.exit(0);
    }

    private void phase(FleetEnv env, String strategy, int callers, int agents, String agentApi, String queueApi)
            throws Exception {
        UUID customer = UUID.randomUUID();
        String token = JwtTokens.mint(env.jwtSecret(), customer, Duration.ofHours(4));
        offers.clear();
        doubleOffers.set(0);
        latencies = new Latencies(callers * 2);
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 5);
        for (int i = 0; i < agents; i++) {
            String extension = prefix + i;
            String id = send("POST", agentApi + "/agents", token, "{\"name\":\"" + extension
                    + "\",\"addresses\":[{\"type\":\"extension\",\"target\":\"" + extension + "\"}]}").path("id").asString();
            agentIdByExtension.put(extension, id);
            offers.put(extension, new AtomicInteger());
            send("PUT", agentApi + "/agents/" + id + "/status", token, "{\"status\":\"available\"}");
        }
        String queue = send("POST", queueApi + "/queues", token, "{\"name\":\"bench\",\"strategy\":\"" + strategy
                + "\",\"wait_timeout_seconds\":3600,\"announcement_interval_seconds\":0,\"position_announcement\":\"\"}")
                .path("id").asString();
        long started = System.nanoTime();
        long doneBefore = done.get();
        availableAt.clear(); // from here on an available agent is one freed while callers wait
        for (int i = 0; i < callers; i++) {
            String call = UUID.randomUUID().toString();
            callTarget.put(call, "caller");
            ObjectNode data = JSON.createObjectNode().put("customer_id", customer.toString()).put("queue_id", queue)
                    .put("reference_type", "call").put("reference_id", call)
                    .put("activeflow_id", UUID.randomUUID().toString());
            request("bin-manager.queue-manager.request", "POST", "/v1/queuecalls", data);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (done.get() - doneBefore < callers && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Integer> counts = offers.values().stream().map(AtomicInteger::get).toList();
        double mean = counts.stream().mapToInt(Integer::intValue).average().orElse(0);
        double sd = Math.sqrt(counts.stream().mapToDouble(c -> (c - mean) * (c - mean)).average().orElse(0));
        System.out.printf("%-12s served %d/%d in %.1f s (%.0f calls/s); dispatch latency p50 %.1f ms p99 %.1f ms"
                + " (%d samples); offers per agent min %d max %d stddev %.2f (mean %.1f); double offers %d%n",
                strategy, done.get() - doneBefore, callers, seconds, (done.get() - doneBefore) / seconds,
                latencies.percentileMicros(0.5) / 1000, latencies.percentileMicros(0.99) / 1000, latencies.count(),
                counts.stream().mapToInt(Integer::intValue).min().orElse(0),
                counts.stream().mapToInt(Integer::intValue).max().orElse(0), sd, mean, doubleOffers.get());
    }

    /** agent-manager's status events: when each agent became available (the start of a dispatch). */
    private void watchAgents(Channel events) throws Exception {
        String queue = events.queueDeclare("", false, true, true, null).getQueue();
        events.queueBind(queue, namespace + "bin-manager.event", "agent-manager.agent_status_updated");
        events.basicConsume(queue, true, (tag, delivery) -> {
            JsonNode data = JSON.readTree(delivery.getBody()).path("data");
            if ("available".equals(data.path("status").asString())) {
                availableAt.put(data.path("id").asString(), System.nanoTime());
            }
        }, tag -> { });
    }

    /** call-manager's request queue: the routes queue-manager uses, answered at once. */
    private void serveCallManager(Channel rpc) throws Exception {
        String queue = namespace + "bin-manager.call-manager.request";
        rpc.queueDeclare(queue, true, false, false, null);
        rpc.exchangeDeclare(namespace + "bin-manager.event", "topic", true);
        rpc.basicConsume(queue, true, (tag, delivery) -> {
            JsonNode request = JSON.readTree(delivery.getBody());
            JsonNode answer = handle(request.path("method").asString(), request.path("uri").asString(),
                    request.path("data"));
            String replyTo = delivery.getProperties().getReplyTo();
            if (replyTo != null) {
                ObjectNode response = JSON.createObjectNode().put("status_code", answer.isArray() ? 201 : 200)
                        .put("data_type", "application/json");
                response.set("data", answer);
                synchronized (channel) {
                    rpc.basicPublish("", replyTo, new AMQP.BasicProperties.Builder().contentType("application/json")
                            .correlationId(delivery.getProperties().getCorrelationId()).build(),
                            JSON.writeValueAsBytes(response));
                }
            }
        }, tag -> { });
    }

    private JsonNode handle(String method, String uri, JsonNode body) {
        String[] path = uri.split("\\?")[0].split("/");
        if (method.equals("POST") && uri.equals("/v1/calls")) {
            var created = JSON.createArrayNode();
            for (JsonNode destination : body.path("destinations")) {
                String extension = destination.path("target").asString();
                String id = UUID.randomUUID().toString();
                offered(extension, id);
                created.add(call(id, "dialing"));
                timer.schedule(() -> event("call_answered", call(id, "progressing")), 20, TimeUnit.MILLISECONDS);
            }
            return created;
        }
        String id = path.length > 3 ? path[3] : "";
        if (method.equals("POST") && path.length > 4 && path[4].equals("bridge")) {
            String caller = id;
            timer.schedule(() -> hangUp(caller), talkMs, TimeUnit.MILLISECONDS);
        } else if (method.equals("POST") && path.length > 4 && path[4].equals("hangup")) {
            hangUp(id);
        }
        return call(id, "progressing");
    }

    private void offered(String extension, String callId) {
        callTarget.put(callId, extension);
        offers.computeIfAbsent(extension, e -> new AtomicInteger()).incrementAndGet();
        Set<String> live = liveByAgent.computeIfAbsent(extension, e -> ConcurrentHashMap.newKeySet());
        synchronized (live) {
            if (!live.isEmpty()) {
                doubleOffers.incrementAndGet();
            }
            live.add(callId);
        }
        Long since = availableAt.remove(agentIdByExtension.getOrDefault(extension, ""));
        if (since != null) {
            latencies.add(System.nanoTime() - since);
        }
    }

    private void hangUp(String callId) {
        String target = callTarget.remove(callId);
        if (target == null) {
            return;
        }
        if (target.equals("caller")) {
            done.incrementAndGet();
        } else {
            Set<String> live = liveByAgent.get(target);
            if (live != null) {
                synchronized (live) {
                    live.remove(callId);
                }
            }
        }
        event("call_hungup", call(callId, "hangup"));
    }

    private ObjectNode call(String id, String status) {
        return JSON.createObjectNode().put("id", id).put("status", status).put("direction", "outgoing")
                .put("hangup_reason", "normal");
    }

    private void event(String type, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode().put("event_id", UUID.randomUUID().toString()).put("type", type)
                .put("publisher", "call-manager").put("timestamp", Instant.now().toString())
                .put("data_type", "application/json");
        envelope.set("data", data);
        try {
            synchronized (channel) {
                channel.basicPublish(namespace + "bin-manager.event", "call-manager." + type,
                        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                        JSON.writeValueAsBytes(envelope));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void request(String queue, String method, String uri, JsonNode data) throws Exception {
        ObjectNode envelope = JSON.createObjectNode().put("uri", uri).put("method", method).put("publisher", "bench")
                .put("data_type", "application/json");
        envelope.set("data", data);
        synchronized (channel) {
            channel.basicPublish("", namespace + queue, new AMQP.BasicProperties.Builder()
                    .contentType("application/json").build(), JSON.writeValueAsBytes(envelope));
        }
    }

    private static JsonNode send(String method, String url, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static ServiceSpec service(String module, FleetEnv env, int port, String schema) {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN",
                "--spring.datasource.hikari.leak-detection-threshold=10000"));
        return FleetServices.service(module, env, port, schema, args)
                .withJvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC"));
    }
}
