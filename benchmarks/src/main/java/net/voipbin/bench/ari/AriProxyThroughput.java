package net.voipbin.bench.ari;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import net.voipbin.asteriskproxy.AsteriskProxyApplication;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.bench.BenchLeftovers;
import net.voipbin.bench.Latencies;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;

/**
 * asterisk-proxy between asterisk-sim and RabbitMQ: ARI events per second from the simulator's
 * WebSocket to a consumer of {@code asterisk.all.event} (confirmed, in order), and the latency of an
 * ARI command over RPC ({@code GET /ari/channels/{id}}, RPC → proxy → ARI REST → back).
 * Usage: {@code ari-proxy [amqp-uri] [events] [rpc-calls]}.
 */
public final class AriProxyThroughput {

    private AriProxyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : "amqp://guest:guest@127.0.0.1:5672";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        String namespace = "bench" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (AsteriskSim asterisk = AsteriskSim.start(SimConfig.defaults());
                ConfigurableApplicationContext proxy = start(uri, namespace, asterisk.baseUrl())) {
            Topology topology = proxy.getBean(Topology.class);
            String channel = asterisk.placeInboundCall("+15551234", "1000");
            events(uri, topology, asterisk, channel, events / 10);
            double perSecond = events(uri, topology, asterisk, channel, events);
            RpcClient rpc = proxy.getBean(RpcClient.class);
            String queue = topology.asteriskRequestQueue("bench");
            rpc(rpc, queue, channel, calls / 5);
            Latencies latencies = rpc(rpc, queue, channel, calls);
            System.out.printf("%nAriProxyThroughput%n");
            System.out.printf("ARI events -> asterisk.all.event: %d events, %.0f events/s (confirmed, in order)%n",
                    events, perSecond);
            System.out.printf("ARI command over RPC (GET /ari/channels/{id}, 1 caller): %d calls, p50 %.0f us, p99 %.0f us%n",
                    calls, latencies.percentileMicros(0.5), latencies.percentileMicros(0.99));
        }
        // Everything the proxy declared, whatever its beans declare (a hand-kept list missed a queue).
        BenchLeftovers.deleteNamespace(uri, namespace);
    }

    private static ConfigurableApplicationContext start(String amqpUri, String namespace, String ariUrl) {
        // Command-line arguments, not default properties: the proxy's application.yml sets these keys.
        return new SpringApplicationBuilder(AsteriskProxyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--voipbin.amqp.namespace=" + namespace,
                        "--spring.rabbitmq.addresses=" + amqpUri,
                        "--voipbin.asterisk.ari-url=" + ariUrl,
                        "--voipbin.asterisk.id=bench",
                        // Other benchmarks put JDBC on the class path; the proxy has no database.
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
    }

    /** Emits {@code count} DTMF events and waits until all are consumed from the queue; returns events/s. */
    private static double events(String uri, Topology topology, AsteriskSim asterisk, String channel, int count)
            throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        CountDownLatch received = new CountDownLatch(count);
        try (Connection connection = factory.newConnection("ari-bench")) {
            Channel amqp = connection.createChannel();
            // As a call-manager with one partition lays it out: the proxy declares no event queue.
            new AriPartitions(topology, 1).declare(amqp);
            amqp.basicQos(1_000);
            AtomicInteger seen = new AtomicInteger();
            amqp.basicConsume(topology.asteriskEvents(), false, new DefaultConsumer(amqp) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, com.rabbitmq.client.AMQP.BasicProperties p,
                        byte[] body) throws java.io.IOException {
                    amqp.basicAck(envelope.getDeliveryTag(), false);
                    if (seen.incrementAndGet() <= count) {
                        received.countDown();
                    }
                }
            });
            long start = System.nanoTime();
            String digits = "1234567890".repeat(10);
            for (int sent = 0; sent < count; sent += digits.length()) {
                asterisk.pressDigits(channel, digits.substring(0, Math.min(digits.length(), count - sent)));
            }
            if (!received.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (count - received.getCount()) + " of " + count + " events arrived");
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Latencies rpc(RpcClient rpc, String queue, String channel, int calls) {
        Latencies latencies = new Latencies(calls);
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            if (rpc.send(queue, "GET", "/ari/channels/" + channel, null).statusCode() != 200) {
                throw new IllegalStateException("ARI call failed");
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }
}
