package net.voipbin.asteriskproxy.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import net.voipbin.contract.asteriskproxy.AsteriskProxyEvents;
import net.voipbin.contract.asteriskproxy.ProxyConnected;
import net.voipbin.contract.asteriskproxy.ProxyDisconnected;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Publishes to the {@code asterisk.all.event} direct exchange, persistent and confirmed, in arrival
 * order, through an {@link OrderedPublisher} (one channel, later sends not held back by earlier confirms,
 * resent until confirmed). The routing key is the event's bucket ({@link AriPartitions}), so call-manager
 * finds every event of a channel in one of its partition queues. The ARI JSON is spliced into the
 * envelope as raw text, so {@code data} is byte for byte what Asterisk sent. An event's {@code trace_id}
 * header is its channel's ({@link Trace#forKey}), the trace of the call.
 */
public final class AriEventPublisher {

    private final OrderedPublisher publisher;
    private final String exchange;
    private final String asteriskId;
    private final JsonMapper json;
    private final Clock clock;

    public AriEventPublisher(OrderedPublisher publisher, String exchange, String asteriskId, JsonMapper json,
            Clock clock) {
        this.publisher = publisher;
        this.exchange = exchange;
        this.asteriskId = asteriskId;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues one ARI event for publishing; blocks when the queue is full. {@code ariJson} is the frame as
     * received, {@code event} the same frame read (for its partition key).
     */
    public void publishAriEvent(String ariJson, JsonNode event) throws InterruptedException {
        ObjectNode envelope = envelope(AsteriskProxyEvents.ARI_EVENT);
        envelope.putRawValue("data", new RawValue(ariJson));
        envelope.put("asterisk_id", asteriskId);
        String key = AriPartitions.key(event, asteriskId);
        Message message = message(envelope, AsteriskProxyEvents.ARI_EVENT);
        // One trace per channel: every line of a call, in every service, carries the same id.
        message.getMessageProperties().setHeader(Trace.HEADER, Trace.forKey(key));
        publisher.publish(exchange, Integer.toString(AriPartitions.bucket(key)), message);
    }

    /** {@code disconnectedAt}: when the previous connection dropped, null when unknown (left out). */
    public void publishProxyConnected(List<String> channelIds, Instant disconnectedAt) throws InterruptedException {
        ObjectNode envelope = envelope(AsteriskProxyEvents.PROXY_CONNECTED);
        JsonNode data = json.valueToTree(new ProxyConnected(asteriskId, channelIds, disconnectedAt));
        envelope.set("data", data);
        envelope.put("asterisk_id", asteriskId);
        publisher.publish(exchange, AriPartitions.routingKey(data, asteriskId),
                message(envelope, AsteriskProxyEvents.PROXY_CONNECTED));
    }

    /** The proxy stops listening to its Asterisk (shutdown); the last event it publishes. */
    public void publishProxyDisconnected(Instant disconnectedAt) throws InterruptedException {
        ObjectNode envelope = envelope(AsteriskProxyEvents.PROXY_DISCONNECTED);
        JsonNode data = json.valueToTree(new ProxyDisconnected(asteriskId, disconnectedAt));
        envelope.set("data", data);
        envelope.put("asterisk_id", asteriskId);
        publisher.publish(exchange, AriPartitions.routingKey(data, asteriskId),
                message(envelope, AsteriskProxyEvents.PROXY_DISCONNECTED));
    }

    private ObjectNode envelope(String type) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("event_id", UUID.randomUUID().toString());
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
}
