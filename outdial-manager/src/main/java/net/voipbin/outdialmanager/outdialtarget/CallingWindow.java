package net.voipbin.outdialmanager.outdialtarget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.rpc.error.ApiException;

/**
 * A claim's calling window, evaluated in each target's own time zone (else the window's, else UTC), so
 * that "9 to 8 on weekdays" means the callee's 9 to 8 wherever the list reaches.
 */
record CallingWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId fallback) {

    /** The request's window checked, or null when the claim has none. */
    static CallingWindow of(ClaimRequests.Window window) {
        if (window == null) {
            return null;
        }
        if (!window.start().isBefore(window.end())) {
            throw ApiException.invalidField("window.end", "must be after start (a window within one day)");
        }
        ZoneId fallback = ZoneOffset.UTC;
        if (window.timeZone() != null && !window.timeZone().isBlank()) {
            if (!ZoneId.getAvailableZoneIds().contains(window.timeZone())) {
                throw ApiException.invalidField("window.time_zone", "not an IANA time zone: " + window.timeZone());
            }
            fallback = ZoneId.of(window.timeZone());
        }
        return new CallingWindow(Set.copyOf(window.days()), window.start(), window.end(), fallback);
    }

    /** Null when the window is open at {@code now} where the target is; else the instant it next opens there. */
    Instant nextOpening(String targetZone, Instant now) {
        ZoneId zone = targetZone == null ? fallback : ZoneId.of(targetZone);
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end)) {
            return null;
        }
        for (int day = 0; day <= 7; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            // In a daylight-saving gap, atZone moves the opening to the first valid instant after it.
            ZonedDateTime opening = date.atTime(start).atZone(zone);
            if (days.contains(date.getDayOfWeek()) && opening.isAfter(local)) {
                return opening.toInstant();
            }
        }
        throw new IllegalStateException("a window with days opens within a week");
    }
}
