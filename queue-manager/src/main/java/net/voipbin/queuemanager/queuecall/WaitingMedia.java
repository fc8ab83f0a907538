package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.queue.QueueService;

/**
 * What a waiting caller hears, from arrival until an agent answers or the caller leaves the line: music on hold of
 * the queue's class, interrupted by the position announcement and the wait actions ({@link WaitCycle}). Asterisk
 * suspends music for a prompt and does not resume it, so the music is stopped before each prompt and started again
 * after it. A prompt's end ({@code call_operation_finished} of {@code queuecall:<id>:<uuid>}) or the music's wake-up
 * (a timer here, and every instance's sweep of {@code waiting_media.wake_at}) moves the cycle on; the cycle lives in
 * the database, so a restart of queue-manager delays an announcement by one sweep at most.
 */
@Component
class WaitingMedia {

    static final String PREFIX = "queuecall:";
    private static final Logger log = LoggerFactory.getLogger(WaitingMedia.class);
    /** A prompt call-manager refused (the call may be going): music, and another try this much later. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final CallManagerClient calls;
    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final WaitingMediaRows rows;
    private final QueueService queues;
    private final Timers timers;
    private final TransactionTemplate tx;
    private final Clock clock;

    WaitingMedia(CallManagerClient calls, QueuecallRepository queuecalls, QueuecallLocks locks, WaitingMediaRows rows,
            QueueService queues, Timers timers, TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.rows = rows;
        this.queues = queues;
        this.timers = timers;
        this.tx = tx;
        this.clock = clock;
    }

    /** The caller starts waiting (after the admission's commit). */
    void start(UUID queuecallId) {
        if (Boolean.TRUE.equals(tx.execute(s -> rows.create(queuecallId)))) {
            advance(queuecallId, Cause.START, null);
        }
    }

    /** A prompt of ours ended ({@code queuecall:<id>:<uuid>}). */
    void finished(String operationId) {
        String[] parts = operationId.split(":");
        if (parts.length != 3) {
            return;
        }
        try {
            advance(UUID.fromString(parts[1]), Cause.PROMPT_ENDED, operationId);
        } catch (IllegalArgumentException e) {
            log.debug("not a queuecall operation: {}", operationId);
        }
    }

    /** The music's time is up (timer or sweep): an announcement or the next wait action. */
    void wake(UUID queuecallId) {
        advance(queuecallId, Cause.WAKE, null);
    }

    void sweep() {
        rows.due(clock.instant(), 100).forEach(this::wake);
    }

    /**
     * The caller leaves the line (timed out, taken out): what they hear stops at once, the prompt of ours playing or
     * else the music (one request: the bridge of an answered caller waits for it). Called before the change that
     * announces it: on that event flow-manager goes on with the caller's flow, whose first prompt this must not
     * stop. Deleting the cycle's row waits for a request of the cycle in flight (made under the row's lock), so the
     * stop comes after what it started, and no later decision starts anything.
     */
    void leave(UUID queuecallId, UUID callId) {
        Optional<WaitingMediaRows.Row> cycle = tx.execute(s -> rows.delete(queuecallId));
        if (cycle == null || cycle.isEmpty()) {
            return; // never started, or stopped already
        }
        if (cycle.get().prompt() != null) {
            quietly(() -> calls.mediaStop(callId), callId, "prompt stop");
        } else {
            quietly(() -> calls.mohStop(callId), callId, "music stop");
        }
    }

    /** An agent answered: {@link #leave} after the commit, before the bridge, so the caller hears the agent alone. */
    Runnable stop(UUID queuecallId, UUID callId) {
        return () -> leave(queuecallId, callId);
    }

    /** The caller hung up: nothing to stop, the cycle is dropped. Within the caller's transaction. */
    void forget(UUID queuecallId) {
        rows.delete(queuecallId);
    }

    private enum Cause { START, PROMPT_ENDED, WAKE }

    /** A decision taken under the cycle's lock, carried out after its commit. */
    private record Plan(UUID queuecallId, UUID callId, Queue queue, WaitCycle.Decision decision, String prompt,
            String text, boolean musicOn) {
    }

    /**
     * Decides and carries out under the cycle's row lock: a caller leaving the line ({@link #leave} deletes the row)
     * waits for a request in flight and then stops what it started, never the other way round (which left the
     * music on over the agent). The lock is the caller's own row; it is held for one request to call-manager.
     */
    private void advance(UUID id, Cause cause, String operationId) {
        tx.executeWithoutResult(s -> {
            Plan plan = decide(id, cause, operationId);
            if (plan != null) {
                carryOut(plan);
            }
        });
    }

    private Plan decide(UUID id, Cause cause, String operationId) {
        Optional<WaitingMediaRows.Row> locked = rows.lock(id);
        if (locked.isEmpty()) {
            return null;
        }
        WaitingMediaRows.Row row = locked.get();
        Instant now = clock.instant();
        boolean current = switch (cause) {
            case START -> true;
            case PROMPT_ENDED -> operationId.equals(row.prompt());
            case WAKE -> row.prompt() == null && row.wakeAt() != null && !now.isBefore(row.wakeAt());
        };
        if (!current) {
            return null; // a late or repeated event, or another instance moved the cycle on already
        }
        QueuecallEntity q = queuecalls.findById(id).orElse(null);
        if (q == null) {
            rows.delete(id);
            return null;
        }
        if (!(q.status() == QueuecallStatus.WAITING || q.status() == QueuecallStatus.OFFERING)) {
            // The caller is leaving the line and leave() (or forget(), for a hangup) is on its way: it must still
            // find the row to stop what plays (the music, when this is its wake-up). Only the wake-up is dropped.
            rows.update(id, row.step(), row.tmAnnounced(), row.prompt(), null);
            return null;
        }
        Queue queue = queues.find(q.queueId()).orElse(null);
        if (queue == null) {
            return null; // deleted: the cycle stops where it is; the caller's wait still ends at its deadline
        }
        WaitCycle.Decision d = WaitCycle.next(queue, new WaitCycle.State(row.step(), row.tmAnnounced()), now);
        String prompt = d.kind() == WaitCycle.Kind.MUSIC ? null : PREFIX + id + ":" + UUID.randomUUID();
        rows.update(id, d.step(), d.tmAnnounced(), prompt, d.wakeAt());
        String text = d.kind() != WaitCycle.Kind.ANNOUNCE ? null : queue.positionAnnouncement().replace("{position}",
                Long.toString(locks.position(q.queueId(), q.toQueuecall().priority(), q.tmCreate())));
        boolean musicOn = cause == Cause.WAKE; // music was playing until now
        return new Plan(id, q.callId(), queue, d, prompt, text, musicOn);
    }

    private void carryOut(Plan p) {
        WaitCycle.Decision d = p.decision();
        boolean music = !p.queue().mohClass().isBlank();
        try {
            switch (d.kind()) {
                case MUSIC -> {
                    if (music) {
                        calls.mohStart(p.callId(), p.queue().mohClass());
                    }
                    if (d.wakeAt() != null) {
                        timers.at(d.wakeAt(), () -> wake(p.queuecallId()));
                    }
                }
                case ANNOUNCE -> {
                    stopMusic(p, music);
                    calls.talk(p.callId(), new CallRequests.Talk(p.text(), null, p.prompt()));
                }
                case PROMPT -> {
                    stopMusic(p, music);
                    Queue.WaitAction a = d.action();
                    if (a.type() == Queue.WaitActionType.TALK) {
                        calls.talk(p.callId(), new CallRequests.Talk(a.text(), a.language(), p.prompt()));
                    } else {
                        calls.play(p.callId(), new CallRequests.Play(a.media(), 1, p.prompt()));
                    }
                }
            }
            log.debug("queuecall {}: {} ({})", p.queuecallId(), d.kind(), p.prompt());
        } catch (RuntimeException e) {
            log.info("queuecall {}: waiting media not played ({}), again in {}", p.queuecallId(), e.toString(), RETRY);
            Instant retry = clock.instant().plus(RETRY);
            rows.update(p.queuecallId(), d.step(), d.tmAnnounced(), null, retry);
            timers.at(retry, () -> wake(p.queuecallId()));
        }
    }

    private void stopMusic(Plan p, boolean music) {
        if (music && p.musicOn()) {
            quietly(() -> calls.mohStop(p.callId()), p.callId(), "music stop");
        }
    }

    private static void quietly(Runnable action, UUID callId, String what) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.info("call {}: {} failed: {}", callId, what, e.toString());
        }
    }
}
