package net.voipbin.asteriskproxy.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Publishes to the {@code asterisk.all.event} fanout exchange, persistent and confirmed, in arrival
 * order. One thread drains the queue: each batch goes out on one channel inside
 * {@link RabbitTemplate#invoke} (a caching connection factory could otherwise hand successive sends
 * different channels, and the broker orders only per channel), and the next batch waits for the
 * broker's confirms of this one. A failed batch is sent again, whole, until confirmed: delivery is
 * at least once and never reordered. The ARI JSON is spliced into the envelope as raw text, so
 * {@code data} is byte for byte what Asterisk sent.
 */
public final class AriEventPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AriEventPublisher.class);
    private static final int BATCH = 256;

    private final RabbitTemplate template;
    private final String exchange;
    private final String asteriskId;
    private final JsonMapper json;
    private final Clock clock;
    private final ProxyMetrics metrics;
    private final Duration confirmTimeout;
    private final Runnable declareTopology;
    private final BlockingQueue<Message> queue = new LinkedBlockingQueue<>(10_000);
    private volatile boolean running;
    private boolean declared;
    private Thread worker;

    public AriEventPublisher(RabbitTemplate template, String exchange, String asteriskId, JsonMapper json, Clock clock,
            ProxyMetrics metrics, Duration confirmTimeout, Runnable declareTopology) {
        this.template = template;
        this.declareTopology = declareTopology;
        this.exchange = exchange;
        this.asteriskId = asteriskId;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.confirmTimeout = confirmTimeout;
    }

    /** Queues one ARI event (already known to be a JSON object) for publishing; blocks when the queue is full. */
    public void publishAriEvent(String ariJson) throws InterruptedException {
        ObjectNode envelope = envelope(AsteriskProxyEvents.ARI_EVENT);
        envelope.putRawValue("data", new RawValue(ariJson));
        envelope.put("asterisk_id", asteriskId);
        queue.put(message(envelope, AsteriskProxyEvents.ARI_EVENT));
    }

    public void publishProxyConnected(List<String> channelIds) throws InterruptedException {
        ObjectNode envelope = envelope(AsteriskProxyEvents.PROXY_CONNECTED);
        envelope.set("data", json.valueToTree(new ProxyConnected(asteriskId, channelIds)));
        envelope.put("asterisk_id", asteriskId);
        queue.put(message(envelope, AsteriskProxyEvents.PROXY_CONNECTED));
    }

    private ObjectNode envelope(String type) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", type);
        envelope.put("publisher", AsteriskProxyEvents.PUBLISHER);
        envelope.put("timestamp", Json.format(clock.instant()));
        envelope.put("data_type", RpcRequest.JSON);
        return envelope;
    }

    private Message message(ObjectNode envelope, String type) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader("type", type);
        return new Message(json.writeValueAsBytes(envelope), properties);
    }

    private void drain() {
        List<Message> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Message first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                publishUntilConfirmed(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publishUntilConfirmed(List<Message> batch) throws InterruptedException {
        long pause = 200;
        while (true) {
            try {
                declareOnce();
                sendConfirmed(batch);
                metrics.eventsOut(batch.size());
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.error("dropping {} unconfirmed events at shutdown: {}", batch.size(), e.getMessage());
                    return;
                }
                log.warn("publishing {} events to {} failed, retrying in {} ms: {}", batch.size(), exchange, pause,
                        e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    /**
     * The queue must be bound before the first event goes out: a fanout exchange drops what it cannot
     * route, and the broker-side declarations otherwise race the first publish ({@code proxy_connected}).
     */
    private void declareOnce() {
        if (!declared) {
            declareTopology.run();
            declared = true;
        }
    }

    private void sendConfirmed(List<Message> batch) {
        List<CorrelationData> confirms = template.invoke(operations -> {
            List<CorrelationData> sent = new ArrayList<>(batch.size());
            for (Message message : batch) {
                CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
                operations.send(exchange, "", message, correlation);
                sent.add(correlation);
            }
            return sent;
        });
        for (CorrelationData correlation : confirms) {
            CorrelationData.Confirm confirm;
            try {
                confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("no publisher confirm within " + confirmTimeout.toMillis() + " ms", e);
            }
            if (!confirm.ack()) {
                throw new IllegalStateException("broker refused an event: " + confirm.reason());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("ari-publisher").daemon().start(this::drain);
    }

    @Override
    public void stop() {
        running = false;
        try {
            worker.join(confirmTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the WebSocket stream and stops after it, so no received event is left unpublished. */
    @Override
    public int getPhase() {
        return 0;
    }
}
