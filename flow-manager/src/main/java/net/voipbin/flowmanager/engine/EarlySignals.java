package net.voipbin.flowmanager.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signals that arrived before anyone waited for them. A wait keyed by an id that only the command's
 * answer tells (a dialed call, a queuecall) can be overtaken by its event; the event is kept here for a
 * short while and handed over when the wait is saved. Bounded in size and age: most events on the
 * bus concern calls no flow will ever wait for.
 */
public final class EarlySignals {

    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int capacity;

    public EarlySignals(Clock clock, Duration ttl, int capacity) {
        this.clock = clock;
        this.ttl = ttl;
        this.capacity = capacity;
    }

    private record Entry(Signal signal, Instant expires) {
    }

    public synchronized void remember(Signal signal) {
        evict();
        byKey.remove(signal.key());
        byKey.put(signal.key(), new Entry(signal, clock.instant().plus(ttl)));
        if (byKey.size() > capacity) {
            Iterator<String> oldest = byKey.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The first kept signal matching one of the keys, removed. */
    public synchronized Optional<Signal> take(List<String> keys) {
        evict();
        for (String key : keys) {
            Entry entry = byKey.remove(key);
            if (entry != null) {
                return Optional.of(entry.signal());
            }
        }
        return Optional.empty();
    }

    /** Forgets a kept signal that found its flow after all. */
    public synchronized void forget(Signal signal) {
        byKey.remove(signal.key());
    }

    private void evict() {
        Instant now = clock.instant();
        Iterator<Entry> entries = byKey.values().iterator();
        while (entries.hasNext() && entries.next().expires().isBefore(now)) {
            entries.remove();
        }
    }
}
