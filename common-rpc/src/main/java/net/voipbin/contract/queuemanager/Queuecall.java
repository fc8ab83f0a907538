package net.voipbin.contract.queuemanager;

import java.time.Instant;
import java.util.UUID;

/**
 * One caller in a queue. {@code reference_id} is the caller's call (call-manager), {@code activeflow_id} the
 * flow waiting in {@code queue_join}. {@code agent_id} is the agent offered now ({@code offering}) or connected;
 * {@code offer_attempts} counts offers (a re-offer after a miss counts again). {@code waited_ms} runs from
 * arrival to the agent's answer (or the end), {@code talked_ms} from the answer to the end: measured
 * separately. {@code end_reason}: {@code agent_hangup}, {@code caller_hangup}, {@code service_timeout},
 * {@code wait_timeout}, {@code queue_full}. On a timeout, {@code overflow} says what the caller does next and
 * {@code overflow_queuecall_id} names the queuecall in the overflow queue when it is one.
 */
public record Queuecall(
        UUID id,
        UUID customerId,
        UUID queueId,
        String referenceType,
        UUID referenceId,
        UUID activeflowId,
        QueuecallStatus status,
        int priority,
        UUID agentId,
        int offerAttempts,
        long waitedMs,
        long talkedMs,
        String endReason,
        Queue.Overflow overflow,
        UUID overflowQueuecallId,
        Instant tmCreate,
        Instant tmConnect,
        Instant tmEnd,
        Instant tmUpdate) {
}
