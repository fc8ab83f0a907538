package net.voipbin.pipecatmanager.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;

/**
 * The 20 ms playout clocks of each event loop: {@value #PHASES} timers 5 ms apart, each ticking its
 * share of the loop's sessions. A timer per session would put the loop's wake-ups a fraction of a
 * millisecond apart, and NIO's millisecond select timeout then turns the waits into busy polling; one
 * timer for all would write every caller's frame in one burst (the last one late by the whole burst).
 * A few phases keep both the wake-ups (200 a second per loop) and the bursts small. Sessions join and
 * leave on their loop's thread.
 */
public final class PlayoutClocks {

    static final long FRAME_MS = 20;
    private static final int PHASES = 4;

    private final ConcurrentHashMap<EventLoop, LoopClocks> loops = new ConcurrentHashMap<>();

    void join(EventLoop loop, PipecatSession session) {
        loops.computeIfAbsent(loop, LoopClocks::new).join(session);
    }

    void leave(EventLoop loop, PipecatSession session) {
        LoopClocks clocks = loops.get(loop);
        if (clocks != null) {
            clocks.leave(session);
        }
    }

    private static final class LoopClocks {
        private final List<List<PipecatSession>> phases = new ArrayList<>();

        LoopClocks(EventLoop loop) {
            for (int p = 0; p < PHASES; p++) {
                List<PipecatSession> sessions = new ArrayList<>();
                phases.add(sessions);
                loop.scheduleAtFixedRate(() -> tick(sessions), FRAME_MS + p * FRAME_MS / PHASES, FRAME_MS,
                        TimeUnit.MILLISECONDS);
            }
        }

        void join(PipecatSession session) {
            List<PipecatSession> emptiest = phases.getFirst();
            for (List<PipecatSession> phase : phases) {
                emptiest = phase.size() < emptiest.size() ? phase : emptiest;
            }
            emptiest.add(session);
        }

        void leave(PipecatSession session) {
            phases.forEach(phase -> phase.remove(session));
        }

        private static void tick(List<PipecatSession> sessions) {
            // Index loop: a session ending during its tick leaves later (on a queued task), never mid-iteration.
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).tick();
            }
        }
    }
}
