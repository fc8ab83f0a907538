package net.voipbin.bench.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.apigateway.ApiGatewayApplication;
import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.Latencies;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * api-gateway in-process on the local RabbitMQ (own namespace), one customer's WebSocket client on
 * {@code /v1.0/events/ws}. Events of that customer are published on the bus paced at a rate, each
 * carrying its sequence number and publish time; the client measures publish → receipt and counts
 * events out of order or missing. Usage: {@code events [rate/s] [seconds] [amqp-uri]}.
 */
public final class LiveEventsLatency {

    private static final String JWT = "bench-only-secret-key-for-live-events-latency-0123456789";
    private static final JsonMapper JSON = Json.newMapper();

    private LiveEventsLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String amqp = args.length > 2 ? args[2] : "amqp://guest:guest@127.0.0.1:5672";
        String namespace = "bench" + UUID.randomUUID().toString().substring(0, 8) + ".";
        UUID customer = UUID.randomUUID();
        try (ConfigurableApplicationContext gateway = start(amqp, namespace)) {
            int port = Integer.parseInt(gateway.getEnvironment().getRequiredProperty("local.server.port"));
            Client client = new Client();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Authorization", "Bearer " + JwtTokens.mint(JWT, customer, Duration.ofHours(1)))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1.0/events/ws"), client)
                    .get(30, TimeUnit.SECONDS);
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(amqp);
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                Bus bus = new Bus(channel, namespace + "bin-manager.event", customer);
                run("warm-up", bus, client, rate, Math.max(5, seconds / 3)).print();
                run("paced " + rate + "/s", bus, client, rate, seconds).print();
            }
            socket.abort();
        } finally {
            BenchLeftovers.deleteNamespace(amqp, namespace);
        }
        System.out.println("(publish on the bus -> the WebSocket client has the frame; one customer, one client)");
        System.out.printf("machine: %d cores, load average %.1f at the end (gateway, publisher and client share this JVM)%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Every setting the gateway needs is given here: in the shaded jar another service's application.yml may win. */
    private static ConfigurableApplicationContext start(String amqp, String namespace) {
        List<String> args = new ArrayList<>(List.of("--spring.application.name=api-gateway", "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.rabbitmq.addresses=" + amqp,
                "--voipbin.amqp.namespace=" + namespace, "--voipbin.auth.jwt-secret=" + JWT,
                "--voipbin.gateway.events.client-buffer=4096"));
        for (String service : List.of("call-manager", "flow-manager", "campaign-manager", "outdial-manager",
                "queue-manager", "agent-manager", "conference-manager", "webhook-manager", "pipecat-manager")) {
            args.add("--voipbin.gateway.services." + service + "=http://127.0.0.1:1");
        }
        return new SpringApplicationBuilder(ApiGatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static Result run(String name, Bus bus, Client client, int rate, int seconds) throws Exception {
        int count = rate * seconds;
        client.reset(count);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            bus.publish(i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.received.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double elapsed = (client.lastReceipt.get() - start) / 1e9;
        return new Result(name, count, client.received.get(), client.received.get() / elapsed,
                client.latencies.percentileMicros(0.50) / 1000, client.latencies.percentileMicros(0.99) / 1000,
                client.maxNanos.get() / 1e6, client.outOfOrder.get());
    }

    record Result(String name, int sent, int received, double perSecond, double p50Ms, double p99Ms, double maxMs,
            int outOfOrder) {
        void print() {
            System.out.printf("%-16s sent %6d received %6d  %7.0f/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  "
                    + "out of order %d  missing %d%n", name, sent, received, perSecond, p50Ms, p99Ms, maxMs, outOfOrder,
                    sent - received);
        }
    }

    /** The customer's WebSocket client: publish → receipt per frame, and the sequence it expects next. */
    static final class Client implements WebSocket.Listener {
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicLong maxNanos = new AtomicLong();
        final AtomicLong lastReceipt = new AtomicLong();
        volatile Latencies latencies = new Latencies(1);
        private final StringBuilder partial = new StringBuilder();
        private int expected;

        void reset(int count) {
            latencies = new Latencies(count);
            received.set(0);
            outOfOrder.set(0);
            maxNanos.set(0);
            expected = 0;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                JsonNode event = JSON.readTree(partial.toString());
                partial.setLength(0);
                long latency = now - event.get("data").get("sent_nanos").asLong();
                latencies.add(latency);
                maxNanos.accumulateAndGet(latency, Math::max);
                int seq = event.get("data").get("seq").asInt();
                if (seq != expected) {
                    outOfOrder.incrementAndGet();
                }
                expected = seq + 1;
                lastReceipt.set(now);
                received.incrementAndGet();
            }
            socket.request(1);
            return null;
        }
    }

    private record Bus(Channel channel, String exchange, UUID customer) {
        private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).build();

        void publish(int seq) throws Exception {
            Map<String, Object> data = Map.of("id", "c1", "status", "progressing", "customer_id", customer.toString(),
                    "seq", seq, "sent_nanos", System.nanoTime());
            Event event = new Event("call_updated", "call-manager", Instant.now(), JSON.valueToTree(data));
            channel.basicPublish(exchange, event.routingKey(), PROPERTIES, JSON.writeValueAsBytes(event));
        }
    }
}
