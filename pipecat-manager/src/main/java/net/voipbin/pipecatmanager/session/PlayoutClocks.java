package net.voipbin.pipecatmanager.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One 20 ms playout clock per event loop, ticking every session on that loop. A timer per session
 * would put the loop's wake-ups a fraction of a millisecond apart, and NIO's millisecond select timeout
 * then turns the waits into busy polling; one shared clock wakes the loop 50 times a second whatever
 * the number of calls. Sessions join and leave on their loop's thread.
 */
public final class PlayoutClocks {

    static final long FRAME_MS = 20;

    private final ConcurrentHashMap<EventLoop, Clock> clocks = new ConcurrentHashMap<>();

    void join(EventLoop loop, PipecatSession session) {
        clocks.computeIfAbsent(loop, Clock::new).sessions.add(session);
    }

    void leave(EventLoop loop, PipecatSession session) {
        Clock clock = clocks.get(loop);
        if (clock != null) {
            clock.sessions.remove(session);
        }
    }

    private static final class Clock implements Runnable {
        private final List<PipecatSession> sessions = new ArrayList<>();
        private final ScheduledFuture<?> timer;

        Clock(EventLoop loop) {
            timer = loop.scheduleAtFixedRate(this, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            // Index loop: a session ending during its tick leaves later (on a queued task), never mid-iteration.
            for (int i = 0; i < sessions.size(); i++) {
                sessions.get(i).tick();
            }
        }
    }
}
