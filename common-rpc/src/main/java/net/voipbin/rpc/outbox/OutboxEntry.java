package net.voipbin.rpc.outbox;

import java.util.UUID;

/**
 * One event as it is stored and sent: the exact bytes of its envelope, where they go, and the trace
 * they belong to. Sent again after a crash, it is the same message with the same {@code event_id}.
 */
public record OutboxEntry(UUID eventId, String exchange, String routingKey, String traceId, byte[] body) {
}
