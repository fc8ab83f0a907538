package net.voipbin.outdialmanager.outdialtarget;

import java.util.List;

/**
 * A target as the customer gave it, checked: destinations in E.164 (1 to 5), the time zone given or
 * derived from the first destination, {@code data} as JSON object text.
 */
public record TargetDraft(String name, String detail, String data, List<String> destinations, String timeZone) {

    public TargetDraft {
        destinations = List.copyOf(destinations);
    }
}
