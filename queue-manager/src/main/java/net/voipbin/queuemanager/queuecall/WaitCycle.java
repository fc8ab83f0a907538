package net.voipbin.queuemanager.queuecall;

import java.time.Instant;
import java.util.List;

import net.voipbin.contract.queuemanager.Queue;

/**
 * What a waiting caller hears next, decided from the queue and where the caller's cycle stands: the position
 * announcement when it is due (at once on arrival, then every {@code announcement_interval_seconds}), else the
 * next wait action (talk, play, or sleep: music for a while), else music on hold until the next announcement.
 * A sleep is cut short by a due announcement. A queue with only {@code wait_media} plays it as one play action.
 */
final class WaitCycle {

    enum Kind { ANNOUNCE, PROMPT, MUSIC }

    /** Where the caller's cycle stands: the next wait action's index, when the last announcement started. */
    record State(int step, Instant tmAnnounced) {
    }

    /**
     * What to do now ({@code action} for a prompt) and the state after it; {@code wakeAt} is when music is to be
     * interrupted (null: not by a timer; a prompt's end moves the cycle on).
     */
    record Decision(Kind kind, Queue.WaitAction action, int step, Instant tmAnnounced, Instant wakeAt) {
    }

    private WaitCycle() {
    }

    static Decision next(Queue queue, State state, Instant now) {
        Instant due = announcementDue(queue, state.tmAnnounced(), now);
        if (due != null && !now.isBefore(due)) {
            return new Decision(Kind.ANNOUNCE, null, state.step(), now, null);
        }
        List<Queue.WaitAction> steps = steps(queue);
        if (steps.isEmpty()) {
            return new Decision(Kind.MUSIC, null, state.step(), state.tmAnnounced(), due);
        }
        Queue.WaitAction action = steps.get(Math.floorMod(state.step(), steps.size()));
        int step = Math.floorMod(state.step() + 1, steps.size());
        if (action.type() == Queue.WaitActionType.SLEEP) {
            Instant end = now.plusMillis(action.durationMs());
            return new Decision(Kind.MUSIC, action, step, state.tmAnnounced(), due != null && due.isBefore(end) ? due : end);
        }
        return new Decision(Kind.PROMPT, action, step, state.tmAnnounced(), null);
    }

    /** When the next position announcement is due; null when the queue makes none (any more). */
    private static Instant announcementDue(Queue queue, Instant tmAnnounced, Instant now) {
        if (queue.positionAnnouncement().isBlank()) {
            return null;
        }
        if (tmAnnounced == null) {
            return now;
        }
        return queue.announcementIntervalSeconds() > 0 ? tmAnnounced.plusSeconds(queue.announcementIntervalSeconds())
                : null;
    }

    static List<Queue.WaitAction> steps(Queue queue) {
        if (!queue.waitActions().isEmpty()) {
            return queue.waitActions();
        }
        return queue.waitMedia().isEmpty() ? List.of()
                : List.of(new Queue.WaitAction(Queue.WaitActionType.PLAY, null, null, queue.waitMedia(), null));
    }
}
