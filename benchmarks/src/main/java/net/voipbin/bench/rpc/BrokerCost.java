package net.voipbin.bench.rpc;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import net.voipbin.bench.CpuMeter;

/**
 * What RabbitMQ itself spends on each kind of message an inbound call sends, with the raw Java client
 * and nothing of ours, paced like a call's messages (one at a time, as they are at these rates):
 * <ul>
 * <li>an event that a service consumes: persistent, confirmed, queued, delivered, acked (the ARI events,
 * {@code call_answered} and {@code call_hungup} to flow-manager);</li>
 * <li>an event nobody is bound to: persistent, confirmed, routed nowhere (the other events, when no
 * webhook-manager runs, as in {@code inbound-call});</li>
 * <li>an RPC round trip: a transient request to a queue and its answer on direct reply-to.</li>
 * </ul>
 * From these and the messages of one call it prints the broker's CPU floor per call and the calls/s the
 * broker alone allows on this machine's cores. Usage: {@code broker-cost [seconds-per-kind] [messages/s]}.
 */
public final class BrokerCost {

    /**
     * The messages of one call of {@code inbound-call} (flow [answer, hangup]), counted on its bus: ARI
     * StasisStart, ChannelStateChange, ChannelHangupRequest, StasisEnd, ChannelDestroyed; call_answered and
     * call_hungup, which flow-manager consumes; call_created, call_updated and activeflow_created, _updated,
     * _deleted, which nobody there consumes. RPC: create-activeflow (call-manager to flow-manager), answer and
     * hangup (flow-manager to call-manager, each passed on to asterisk-proxy).
     */
    static final int ARI_EVENTS = 5;
    static final int CONSUMED_EVENTS = 2;
    static final int UNROUTED_EVENTS = 5;
    static final int RPC_ROUND_TRIPS = 5;

    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(2).build();
    private static final AMQP.BasicProperties TRANSIENT = new AMQP.BasicProperties.Builder()
            .contentType("application/json").deliveryMode(1).build();
    private static final String REPLY_TO = "amq.rabbitmq.reply-to";

    private BrokerCost() {
    }

    @FunctionalInterface
    interface Send {
        void one() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("bench.amqp", "amqp://guest:guest@127.0.0.1:5672"));
        String prefix = "bench-broker-cost-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        byte[] body = new byte[1400];
        Arrays.fill(body, (byte) 'x');
        Map<String, Double> millis = new LinkedHashMap<>();
        try (Connection publisher = factory.newConnection("bench-broker-cost-publisher");
                Connection consumer = factory.newConnection("bench-broker-cost-consumer")) {
            Channel publish = publisher.createChannel();
            publish.confirmSelect();
            Channel consume = consumer.createChannel();
            String exchange = prefix + "events";
            publish.exchangeDeclare(exchange, "topic", false, true, null);
            String queue = prefix + "inbox";
            consume.queueDeclare(queue, true, false, true, null);
            consume.queueBind(queue, exchange, "consumed");
            consume.basicQos(50);
            consume.basicConsume(queue, false, new DefaultConsumer(consume) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] b)
                        throws IOException {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                }
            });
            String requests = prefix + "request";
            consume.queueDeclare(requests, true, false, true, null);
            consume.basicConsume(requests, true, new DefaultConsumer(consume) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] b)
                        throws IOException {
                    getChannel().basicPublish("", p.getReplyTo(), new AMQP.BasicProperties.Builder()
                            .correlationId(p.getCorrelationId()).contentType("application/json").build(), b);
                }
            });
            BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);
            Channel caller = publisher.createChannel();
            caller.basicConsume(REPLY_TO, true, new DefaultConsumer(caller) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties p, byte[] b) {
                    replies.offer(b);
                }
            });
            AMQP.BasicProperties request = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(1).replyTo(REPLY_TO).correlationId("1").build();

            millis.put("event consumed", measure(rate, seconds, () -> {
                publish.basicPublish(exchange, "consumed", PERSISTENT, body);
                publish.waitForConfirmsOrDie(5_000);
            }));
            millis.put("event unrouted", measure(rate, seconds, () -> {
                publish.basicPublish(exchange, "nobody", PERSISTENT, body);
                publish.waitForConfirmsOrDie(5_000);
            }));
            millis.put("RPC round trip", measure(rate, seconds, () -> {
                caller.basicPublish("", requests, request, body);
                if (replies.poll(5, TimeUnit.SECONDS) == null) {
                    throw new TimeoutException("no reply within 5 s");
                }
            }));
            millis.put("transient, unconfirmed", measure(rate, seconds, () ->
                    caller.basicPublish(exchange, "nobody", TRANSIENT, body)));
        }
        report(rate, millis);
    }

    /** The broker's CPU per message (or round trip) over {@code seconds} at {@code rate} per second. */
    private static double measure(int rate, int seconds, Send send) throws Exception {
        CpuMeter meter = new CpuMeter(Map.of());
        int count = rate * seconds;
        CpuMeter.Snapshot before = meter.take();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            send.one();
        }
        // Let the deliveries and acks of the last messages finish before the second reading.
        Thread.sleep(500);
        return CpuMeter.perUnit(before, meter.take(), count).getOrDefault(CpuMeter.BROKER, Double.NaN);
    }

    private static void report(int rate, Map<String, Double> millis) {
        System.out.printf("%nBrokerCost (RabbitMQ CPU per message, %d messages/s, 1.4 kB bodies)%n", rate);
        millis.forEach((kind, ms) -> System.out.printf("%-24s %6.3f ms%n", kind, ms));
        double perCall = (ARI_EVENTS + CONSUMED_EVENTS) * millis.get("event consumed")
                + UNROUTED_EVENTS * millis.get("event unrouted") + RPC_ROUND_TRIPS * millis.get("RPC round trip");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("one inbound call (%d consumed events, %d unrouted, %d RPC round trips): %.2f ms of "
                + "broker CPU -> the broker alone saturates %d cores at %.0f calls/s%n", ARI_EVENTS + CONSUMED_EVENTS,
                UNROUTED_EVENTS, RPC_ROUND_TRIPS, perCall, cores, cores * 1000 / perCall);
    }
}
