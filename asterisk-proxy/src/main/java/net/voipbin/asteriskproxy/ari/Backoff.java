package net.voipbin.asteriskproxy.ari;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delay: initial, doubled after each failed attempt, capped; up to 10 % jitter
 * so that many proxies do not reconnect to a restarted Asterisk in lockstep. Used by one thread.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt (without jitter), and doubles the one after. */
    Duration nextBase() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current.compareTo(max) > 0 ? max : current;
    }

    Duration next() {
        Duration base = nextBase();
        long jitter = ThreadLocalRandom.current().nextLong(base.toMillis() / 10 + 1);
        return base.plusMillis(jitter).compareTo(max) > 0 ? max : base.plusMillis(jitter);
    }

    void reset() {
        next = initial;
    }
}
