package net.voipbin.bench;

import java.util.ArrayList;
import java.util.List;

/** Settings a tuning run passes to a benchmark as system properties. */
public final class BenchProperties {

    private BenchProperties() {
    }

    /**
     * {@code base} followed by the non-blank items of the system property {@code name}, split at
     * {@code separator}; the later ones win where the consumer lets a repeated setting override.
     */
    public static List<String> extend(List<String> base, String name, String separator) {
        List<String> items = new ArrayList<>(base);
        for (String item : System.getProperty(name, "").split(separator)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
