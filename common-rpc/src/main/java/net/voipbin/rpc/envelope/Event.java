package net.voipbin.rpc.envelope;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * Event envelope: {@code {"event_id", "type", "publisher", "timestamp", "data_type", "data"}}. {@code data}
 * is the whole resource after the change. {@code event_id} names the event, not the message: a publish
 * sent again (after a crash, by the outbox relay) carries the same one, so a consumer drops what it has
 * already seen. {@code asterisk_id} is set only on events from asterisk-proxy.
 */
public record Event(
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID eventId,
        String type,
        String publisher,
        Instant timestamp,
        String dataType,
        JsonNode data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String asteriskId) {

    public Event {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("type is required");
        }
        if (publisher == null || publisher.isBlank()) {
            throw new IllegalArgumentException("publisher is required");
        }
        timestamp = timestamp == null ? Instant.EPOCH : timestamp;
        dataType = dataType == null ? RpcRequest.JSON : dataType;
    }

    /** A new event, with an id of its own. */
    public Event(String type, String publisher, Instant timestamp, JsonNode data) {
        this(UUID.randomUUID(), type, publisher, timestamp, RpcRequest.JSON, data, null);
    }

    /**
     * A UUID field of the data, read leniently: empty when absent or not a UUID, so that a subscriber
     * reading a newer publisher's event field by field never fails on it.
     */
    public Optional<UUID> uuid(String field) {
        if (data == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(data.path(field).asString("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The routing key on the event exchange: {@code <publisher>.<type>}. */
    public String routingKey() {
        return publisher + "." + type;
    }
}
