package net.voipbin.queuemanager.queuecall;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.rpc.error.ApiException;

/**
 * One caller in a queue, with its transitions: waiting ↔ offering → connected → done; abandoned, timeout and
 * kicked from any live status but connected. Waited and talked time are measured separately: the wait ends when an
 * agent answers (or the queuecall ends), the talk starts there.
 */
@Table("queuecalls")
class QueuecallEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private UUID queueId;
    private final String referenceType;
    private final UUID referenceId;
    private final UUID activeflowId;
    private QueuecallStatus status;
    private final int priority;
    private UUID agentId;
    private int offerAttempts;
    private UUID reservationId;
    private UUID missedAgentId;
    private long waitedMs;
    private long talkedMs;
    private String endReason;
    private Queue.OverflowType overflowType;
    private UUID overflowQueueId;
    private UUID overflowFlowId;
    private UUID overflowQueuecallId;
    private Instant waitUntil;
    private Instant serviceUntil;
    private final Instant tmCreate;
    private Instant tmConnect;
    private Instant tmEnd;
    private Instant tmUpdate;
    @Version
    private Long version;

    @PersistenceCreator
    QueuecallEntity(UUID id, UUID customerId, String referenceType, UUID referenceId, UUID activeflowId, int priority,
            Instant tmCreate) {
        this.id = id;
        this.customerId = customerId;
        this.referenceType = referenceType;
        this.referenceId = referenceId;
        this.activeflowId = activeflowId;
        this.priority = priority;
        this.tmCreate = tmCreate;
    }

    static QueuecallEntity arrived(UUID id, UUID customerId, UUID queueId, UUID callId, UUID activeflowId, int priority,
            Instant now) {
        QueuecallEntity q = new QueuecallEntity(id, customerId, "call", callId, activeflowId, priority, now);
        q.queueId = queueId;
        q.status = QueuecallStatus.INITIATING;
        q.tmUpdate = now;
        return q;
    }

    void waitUntil(Instant deadline, Instant now) {
        require(Set.of(QueuecallStatus.INITIATING));
        status = QueuecallStatus.WAITING;
        waitUntil = deadline;
        tmUpdate = now;
    }

    void offering(UUID reservation, UUID agent, Instant now) {
        require(Set.of(QueuecallStatus.WAITING));
        status = QueuecallStatus.OFFERING;
        reservationId = reservation;
        agentId = agent;
        offerAttempts++;
        tmUpdate = now;
    }

    /** The offer was missed: back in line at the caller's place (the order is by arrival), this agent skipped next. */
    void missed(UUID agent, Instant now) {
        require(Set.of(QueuecallStatus.OFFERING));
        status = QueuecallStatus.WAITING;
        missedAgentId = agent;
        agentId = null;
        reservationId = null;
        tmUpdate = now;
    }

    void connected(UUID agent, int serviceTimeoutSeconds, Instant now) {
        require(Set.of(QueuecallStatus.OFFERING));
        status = QueuecallStatus.CONNECTED;
        agentId = agent;
        tmConnect = now;
        waitedMs = Duration.between(tmCreate, now).toMillis();
        serviceUntil = serviceTimeoutSeconds > 0 ? now.plusSeconds(serviceTimeoutSeconds) : null;
        tmUpdate = now;
    }

    void done(String reason, Instant now) {
        require(Set.of(QueuecallStatus.CONNECTED));
        talkedMs = Duration.between(tmConnect, now).toMillis();
        end(QueuecallStatus.DONE, reason, now);
    }

    void abandoned(Instant now) {
        require(Set.of(QueuecallStatus.INITIATING, QueuecallStatus.WAITING, QueuecallStatus.OFFERING));
        waitedMs = Duration.between(tmCreate, now).toMillis();
        end(QueuecallStatus.ABANDONED, "caller_hangup", now);
    }

    void timedOut(String reason, Queue.Overflow overflow, Instant now) {
        require(Set.of(QueuecallStatus.INITIATING, QueuecallStatus.WAITING, QueuecallStatus.OFFERING));
        waitedMs = Duration.between(tmCreate, now).toMillis();
        overflowType = overflow.type();
        overflowQueueId = overflow.queueId();
        overflowFlowId = overflow.flowId();
        end(QueuecallStatus.TIMEOUT, reason, now);
    }

    /** The customer took the caller out of the line: no agent, the caller's flow goes on. */
    void kicked(Instant now) {
        if (!Set.of(QueuecallStatus.INITIATING, QueuecallStatus.WAITING, QueuecallStatus.OFFERING).contains(status)) {
            throw ApiException.conflict("queuecall_not_waiting", "queuecall " + id + " is "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + ", not waiting: it cannot be taken out of the line");
        }
        waitedMs = Duration.between(tmCreate, now).toMillis();
        end(QueuecallStatus.KICKED, "kicked", now);
    }

    void overflowedTo(UUID queuecallId) {
        overflowQueuecallId = queuecallId;
    }

    private void end(QueuecallStatus to, String reason, Instant now) {
        status = to;
        endReason = reason;
        waitUntil = null;
        serviceUntil = null;
        tmEnd = now;
        tmUpdate = now;
    }

    private void require(Set<QueuecallStatus> from) {
        if (!from.contains(status)) {
            throw ApiException.conflict("invalid_transition", "queuecall " + id + " is " + status.name().toLowerCase());
        }
    }

    UUID id() {
        return id;
    }

    UUID queueId() {
        return queueId;
    }

    UUID callId() {
        return referenceId;
    }

    QueuecallStatus status() {
        return status;
    }

    UUID reservationId() {
        return reservationId;
    }

    UUID agentId() {
        return agentId;
    }

    UUID missedAgentId() {
        return missedAgentId;
    }

    Instant waitUntil() {
        return waitUntil;
    }

    Instant serviceUntil() {
        return serviceUntil;
    }

    Instant tmCreate() {
        return tmCreate;
    }

    Queuecall toQueuecall() {
        Queue.Overflow overflow = overflowType == null ? null
                : new Queue.Overflow(overflowType, overflowQueueId, overflowFlowId);
        return new Queuecall(id, customerId, queueId, referenceType, referenceId, activeflowId, status, priority,
                agentId, offerAttempts, waitedMs, talkedMs, endReason, overflow, overflowQueuecallId, tmCreate,
                tmConnect, tmEnd, tmUpdate);
    }
}
