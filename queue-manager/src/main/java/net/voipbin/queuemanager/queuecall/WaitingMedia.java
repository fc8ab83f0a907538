package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.queue.QueueService;

/**
 * What a waiting caller hears, driven by call-manager's {@code call_operation_finished}: the position
 * announcement ("You are caller number 3"), then the queue's wait media once, then again the announcement when
 * {@code announcement_interval_seconds} have passed since the last, else the media again; until the caller is
 * no longer waiting. Operations are named {@code queuecall:<id>:announce|hold} so their end finds the caller.
 * A queue without wait media announces on a timer instead.
 */
@Component
class WaitingMedia {

    static final String PREFIX = "queuecall:";
    private static final Logger log = LoggerFactory.getLogger(WaitingMedia.class);

    private final CallManagerClient calls;
    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final QueueService queues;
    private final Timers timers;
    private final Clock clock;
    /** When each waiting caller last heard their position (in memory: after a restart the next one comes early). */
    private final Map<UUID, Instant> announced = new ConcurrentHashMap<>();

    WaitingMedia(CallManagerClient calls, QueuecallRepository queuecalls, QueuecallLocks locks, QueueService queues,
            Timers timers, Clock clock) {
        this.calls = calls;
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.queues = queues;
        this.timers = timers;
        this.clock = clock;
    }

    void start(UUID queuecallId) {
        next(queuecallId, true);
    }

    /** A media operation of ours ended ({@code queuecall:<id>:<kind>}). */
    void finished(String operationId) {
        String[] parts = operationId.split(":");
        if (parts.length != 3) {
            return;
        }
        try {
            next(UUID.fromString(parts[1]), false);
        } catch (IllegalArgumentException e) {
            log.debug("not a queuecall operation: {}", operationId);
        }
    }

    private void next(UUID id, boolean first) {
        QueuecallEntity q = queuecalls.findById(id).orElse(null);
        if (q == null || !(q.status() == QueuecallStatus.WAITING || q.status() == QueuecallStatus.OFFERING)) {
            announced.remove(id);
            return;
        }
        Queue queue = queues.find(q.queueId()).orElse(null);
        if (queue == null) {
            return;
        }
        Instant last = announced.get(id);
        boolean due = first || (queue.announcementIntervalSeconds() > 0 && last != null
                && !clock.instant().isBefore(last.plusSeconds(queue.announcementIntervalSeconds())));
        try {
            if (due && !queue.positionAnnouncement().isBlank()) {
                long position = locks.position(q.queueId(), q.toQueuecall().priority(), q.tmCreate());
                announced.put(id, clock.instant());
                calls.talk(q.callId(), new CallRequests.Talk(
                        queue.positionAnnouncement().replace("{position}", Long.toString(position)), null,
                        PREFIX + id + ":announce"));
            } else if (!queue.waitMedia().isEmpty()) {
                calls.play(q.callId(), new CallRequests.Play(queue.waitMedia(), 1, PREFIX + id + ":hold"));
            }
        } catch (RuntimeException e) {
            log.info("queuecall {}: waiting media not played: {}", id, e.toString());
        }
        if (first && queue.waitMedia().isEmpty() && queue.announcementIntervalSeconds() > 0) {
            timers.at(clock.instant().plus(Duration.ofSeconds(queue.announcementIntervalSeconds())),
                    () -> next(id, true));
        }
    }
}
