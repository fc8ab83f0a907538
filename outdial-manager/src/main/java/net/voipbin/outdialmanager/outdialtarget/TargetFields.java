package net.voipbin.outdialmanager.outdialtarget;

import java.util.List;
import java.util.Map;

/**
 * A target as it arrived (a JSON object or a CSV row), nothing checked yet; absent fields are null.
 * {@code destinations} may hold nulls (an empty CSV cell between two numbers), which are skipped.
 */
public record TargetFields(String name, String detail, Map<String, Object> data, List<String> destinations,
        String timeZone) {
}
