package net.voipbin.outdialmanager.outdialtarget;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import net.voipbin.outdialmanager.number.PhoneNumbers;
import net.voipbin.rpc.error.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one set of rules for a target, whether it comes alone or in an import of 10 000: a refusal is an
 * {@link ApiException} naming the field ({@code destinations[1]}, {@code time_zone}, ...), which an
 * import turns into that row's error.
 */
@Component
public class TargetDrafts {

    static final int MAX_DESTINATIONS = 5;
    private static final int MAX_DATA_BYTES = 16 * 1024;

    private final PhoneNumbers numbers;
    private final JsonMapper json;

    TargetDrafts(PhoneNumbers numbers, JsonMapper json) {
        this.numbers = numbers;
        this.json = json;
    }

    /** {@code region}: for numbers written without a country code (already checked, may be null). */
    public TargetDraft check(TargetFields fields, String region) {
        List<String> destinations = destinations(fields.destinations(), region);
        String zone = fields.timeZone() == null || fields.timeZone().isBlank()
                ? numbers.timeZone(destinations.getFirst()) : zone(fields.timeZone().trim());
        return new TargetDraft(text("name", fields.name(), 255), text("detail", fields.detail(), 1000),
                data(fields.data()), destinations, zone);
    }

    List<String> destinations(List<String> raw, String region) {
        List<String> given = raw == null ? List.of() : raw.stream().filter(Objects::nonNull)
                .filter(d -> !d.isBlank()).toList();
        if (given.isEmpty() || given.size() > MAX_DESTINATIONS) {
            throw ApiException.invalidField("destinations", "1 to " + MAX_DESTINATIONS + " phone numbers are required");
        }
        List<String> e164 = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            try {
                e164.add(numbers.e164(given.get(i), region));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("destinations[" + i + "]", e.getMessage());
            }
        }
        return e164;
    }

    String dataText(Map<String, Object> data) {
        return data(data);
    }

    String zoneOrDerived(String timeZone, String firstDestination) {
        return timeZone == null || timeZone.isBlank() ? numbers.timeZone(firstDestination) : zone(timeZone.trim());
    }

    static String text(String field, String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, "at most " + max + " characters");
        }
        return value;
    }

    private String data(Map<String, Object> data) {
        if (data == null) {
            return "{}";
        }
        String text = json.writeValueAsString(data);
        if (text.length() > MAX_DATA_BYTES) {
            throw ApiException.invalidField("data", "at most " + MAX_DATA_BYTES + " bytes of JSON");
        }
        return text;
    }

    /** A region-based IANA id ({@code America/New_York}); fixed offsets would ignore daylight saving. */
    private static String zone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ApiException.invalidField("time_zone", "not an IANA time zone such as Europe/Berlin: " + zone);
        }
        return ZoneId.of(zone).getId();
    }
}
