package net.voipbin.local.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of every part of local mode, kept by the running process and served as JSON on its
 * control port. A part that is up is asked again at each look (a service's {@code /actuator/health}),
 * so the table shows what is true now, not what was true at start.
 */
final class FleetStatus {

    /** One row of the table. */
    record Row(String name, String url, ComponentState state, String detail) {
    }

    private record Entry(String url, ComponentState state, String detail, Supplier<ComponentState> probe) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    synchronized void expect(String name, String url) {
        entries.put(name, new Entry(url, ComponentState.STARTING, "", null));
    }

    /** Up; from now on {@code probe} says whether it still is. */
    synchronized void up(String name, Supplier<ComponentState> probe) {
        Entry entry = entries.get(name);
        entries.put(name, new Entry(entry.url(), ComponentState.HEALTHY, "", probe));
    }

    synchronized void failed(String name, String detail) {
        Entry entry = entries.get(name);
        entries.put(name, new Entry(entry.url(), ComponentState.FAILED, detail, null));
    }

    synchronized void stopping() {
        entries.replaceAll((name, entry) -> new Entry(entry.url(), ComponentState.STOPPING, "", null));
    }

    List<Row> rows() {
        List<Map.Entry<String, Entry>> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(entries.entrySet());
        }
        return snapshot.stream().map(e -> {
            Entry entry = e.getValue();
            ComponentState state = entry.probe() != null ? entry.probe().get() : entry.state();
            return new Row(e.getKey(), entry.url(), state, entry.detail());
        }).toList();
    }
}
