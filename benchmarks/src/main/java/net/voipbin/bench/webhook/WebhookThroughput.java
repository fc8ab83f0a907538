package net.voipbin.bench.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.BenchProperties;
import net.voipbin.bench.CpuMeter;
import net.voipbin.bench.Latencies;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import net.voipbin.webhookmanager.WebhookManagerApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * webhook-manager in-process against the local PostgreSQL and RabbitMQ (own schema and namespace), 50
 * customers with one webhook each to a loopback receiver answering 200. Events are published on the
 * bus paced at one or more rates (event → POST latency) and then in one burst (deliveries/s); the same
 * receiver driven by a bare HTTP client loop is the ceiling. Usage:
 * {@code webhook [events] [rate/s[,rate/s...]] [amqp-uri] [jdbc-url]}.
 */
public final class WebhookThroughput {

    private static final int CUSTOMERS = 50;
    private static final String JWT = "bench-only-secret-key-for-webhook-throughput-0123456789";
    /** This JVM holds webhook-manager, the receiver and the publisher. */
    private static final CpuMeter CPU = new CpuMeter(Map.of(ProcessHandle.current().pid(), "jvm"));

    private WebhookThroughput() {
    }

    record Run(String name, int count, double perSecond, double p50Ms, double p99Ms, Map<String, Double> cpu) {
        void print() {
            System.out.printf("%-28s %8d %12.0f %10.2f %10.2f   %s%n", name, count, perSecond, p50Ms, p99Ms,
                    cpu.isEmpty() ? "" : "CPU ms per delivery: " + CpuMeter.format(cpu));
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "2000").split(",")).mapToInt(Integer::parseInt).toArray();
        String amqp = args.length > 2 ? args[2] : "amqp://guest:guest@127.0.0.1:5672";
        String jdbc = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String schema = "bench_webhook_" + suffix;
        String namespace = "bench" + suffix + ".";
        List<Run> runs = new ArrayList<>();
        try (LoopbackReceiver receiver = new LoopbackReceiver();
                ConfigurableApplicationContext service = start(jdbc, amqp, schema, namespace)) {
            int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
            List<UUID> customers = createWebhooks(port, receiver);
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(amqp);
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                Bus bus = new Bus(channel, namespace + "bin-manager.event", customers);
                // Long enough for C2 to compile the hot paths: shorter, the compiler threads take a third of the CPU.
                // Paced traffic takes branches a burst never does (sockets with nothing to read yet); without
                // its own warm-up their deoptimizations and recompiles land in the first measured run.
                int warmUp = Integer.getInteger("bench.warmup", 60_000);
                runs.add(deliver("warm-up (burst)", bus, receiver, warmUp, 0));
                int fastest = Arrays.stream(rates).max().orElseThrow();
                runs.add(deliver("warm-up (paced " + fastest + "/s)", bus, receiver, warmUp / 2, fastest));
                for (int rate : rates) {
                    runs.add(deliver("paced " + rate + "/s", bus, receiver, events, rate));
                }
                runs.add(deliver("burst", bus, receiver, events, 0));
            }
            runs.add(bareClientLoop(receiver, events, 32));
        } finally {
            cleanUp(jdbc, amqp, schema, namespace);
        }
        System.out.printf("%nWebhookThroughput: %d customers, one webhook each, loopback receiver answering 200%n", CUSTOMERS);
        System.out.printf("%-28s %8s %12s %10s %10s%n", "run", "count", "per second", "p50 ms", "p99 ms");
        runs.forEach(Run::print);
        System.out.println("(webhook runs: event published on the bus -> POST received; bare: one HTTP request)");
        System.out.printf("machine: %d cores, load average %.1f at the end (the receiver and the publisher share this JVM)%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Every setting of webhook-manager's application.yml is repeated here: in the shaded jar another
     * service's application.yml may win.
     */
    private static ConfigurableApplicationContext start(String jdbc, String amqp, String schema, String namespace) {
        List<String> args = List.of(
                "--spring.application.name=webhook-manager", "--spring.flyway.locations=classpath:db/migration/webhook_manager,classpath:db/outbox",
                "--voipbin.events.consumers=" + Integer.getInteger("bench.consumers", 2), "--voipbin.events.prefetch=" + Integer.getInteger("bench.prefetch", 512),
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--spring.datasource.url=" + jdbc, "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema, "--spring.rabbitmq.addresses=" + amqp,
                "--voipbin.amqp.namespace=" + namespace, "--voipbin.auth.jwt-secret=" + JWT,
                "--voipbin.webhook.allowed-networks=127.0.0.0/8");
        // Tuning runs: more settings from bench.args, comma separated (they win over the ones above).
        return new SpringApplicationBuilder(WebhookManagerApplication.class)
                .run(BenchProperties.extend(args, "bench.args", ",").toArray(String[]::new));
    }

    private static List<UUID> createWebhooks(int port, LoopbackReceiver receiver) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID customer = UUID.randomUUID();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1.0/webhooks"))
                    .header("Authorization", "Bearer " + JwtTokens.mint(JWT, customer, Duration.ofHours(1)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url("/c" + i) + "\"}")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("create webhook: " + response.statusCode() + " " + response.body());
            }
            customers.add(customer);
        }
        return customers;
    }

    /** Publishes {@code count} events (paced at {@code rate}/s, or at once when 0) and waits for every POST. */
    private static Run deliver(String name, Bus bus, LoopbackReceiver receiver, int count, int rate) throws Exception {
        receiver.reset(count);
        CpuMeter.Snapshot cpuBefore = CPU.take();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            bus.publish(i);
        }
        bus.confirm();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (receiver.received() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        double seconds = (receiver.lastNanos() - start) / 1e9;
        Latencies latencies = receiver.latencies();
        return new Run(name, receiver.received(), receiver.received() / seconds,
                latencies.percentileMicros(0.50) / 1000, latencies.percentileMicros(0.99) / 1000,
                CpuMeter.perUnit(cpuBefore, CPU.take(), receiver.received()));
    }

    /** The ceiling: the same receiver, the same HTTP client as webhook-manager's, no bus, no database. */
    private static Run bareClientLoop(LoopbackReceiver receiver, int count, int threads) throws Exception {
        receiver.reset(count);
        byte[] body = Json.newMapper().writeValueAsBytes(Map.of("type", "call_created", "timestamp", Instant.now(),
                "data", Map.of("id", UUID.randomUUID(), "customer_id", UUID.randomUUID(), "status", "progressing")));
        Latencies latencies = new Latencies(count);
        URI uri = URI.create(receiver.url("/bare"));
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build())
                .disableAutomaticRetries().build()) {
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < share; i++) {
                        long sent = System.nanoTime();
                        HttpPost post = new HttpPost(uri);
                        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
                        try {
                            http.execute(post, response -> {
                                EntityUtils.consume(response.getEntity());
                                return response.getCode();
                            });
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        latencies.add(System.nanoTime() - sent);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run("bare HTTP client, " + threads + " conc.", latencies.count(), latencies.count() / seconds,
                latencies.percentileMicros(0.50) / 1000, latencies.percentileMicros(0.99) / 1000, Map.of());
    }

    /** Publishes as another service would: an event envelope on the topic exchange, persistent. */
    private record Bus(Channel channel, String exchange, List<UUID> customers) {
        private static final JsonMapper JSON = Json.newMapper();
        private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).build();

        void publish(int i) throws Exception {
            Map<String, Object> data = Map.of("id", UUID.randomUUID().toString(), "status", "progressing",
                    "customer_id", customers.get(i % customers.size()).toString(), "sent_nanos", System.nanoTime());
            Event event = new Event("call_created", "call-manager", Instant.now(), JSON.valueToTree(data));
            channel.basicPublish(exchange, event.routingKey(), PERSISTENT, JSON.writeValueAsBytes(event));
        }

        void confirm() throws Exception {
            channel.waitForConfirmsOrDie(60_000);
        }
    }

    private static void cleanUp(String jdbc, String amqp, String schema, String namespace) {
        if (Boolean.getBoolean("bench.keep-schema")) {
            System.out.println("kept schema " + schema + " for inspection");
        } else {
            BenchLeftovers.dropSchemas(jdbc, "postgres", "", List.of(schema));
        }
        BenchLeftovers.deleteNamespace(amqp, namespace);
    }
}
