package net.voipbin.rpc.envelope;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * Event envelope: {@code {"type", "publisher", "timestamp", "data_type", "data"}}. {@code data} is the
 * whole resource after the change. {@code asterisk_id} is set only on events from asterisk-proxy.
 */
public record Event(
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

    public Event(String type, String publisher, Instant timestamp, JsonNode data) {
        this(type, publisher, timestamp, RpcRequest.JSON, data, null);
    }

    /** The routing key on the event exchange: {@code <publisher>.<type>}. */
    public String routingKey() {
        return publisher + "." + type;
    }
}
