package net.voipbin.outdialmanager.outdialtarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.rpc.error.ApiException;

class CallingWindowTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private final CallingWindow nineToEight = CallingWindow.of(new ClaimRequests.Window(WEEKDAYS, LocalTime.of(9, 0),
            LocalTime.of(20, 0), null));

    @Test
    void openWhileTheCalleesLocalTimeIsInsideTheWindow() {
        // Friday 18:30 in New York.
        assertThat(nineToEight.nextOpening("America/New_York", Instant.parse("2026-01-23T23:30:00Z"))).isNull();
    }

    @Test
    void outsideItWaitsForTheNextOpeningWhereTheCalleeIs() {
        // Saturday 10:00 in New York: Monday 09:00 there.
        assertThat(nineToEight.nextOpening("America/New_York", Instant.parse("2026-01-24T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-26T14:00:00Z"));
        // Friday 20:30 in New York (already Saturday in UTC): Monday 09:00 there as well.
        assertThat(nineToEight.nextOpening("America/New_York", Instant.parse("2026-01-24T01:30:00Z")))
                .isEqualTo(Instant.parse("2026-01-26T14:00:00Z"));
        // The same instant is Saturday 10:30 in Seoul: Monday 09:00 in Seoul.
        assertThat(nineToEight.nextOpening("Asia/Seoul", Instant.parse("2026-01-24T01:30:00Z")))
                .isEqualTo(Instant.parse("2026-01-26T00:00:00Z"));
        // Before the start on a weekday: today at 09:00.
        assertThat(nineToEight.nextOpening("Europe/London", Instant.parse("2026-01-21T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-21T09:00:00Z"));
    }

    @Test
    void aTargetWithoutTimeZoneUsesTheWindowsZoneElseUtc() {
        CallingWindow berlin = CallingWindow.of(new ClaimRequests.Window(WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(20, 0), "Europe/Berlin"));
        assertThat(berlin.nextOpening(null, Instant.parse("2026-01-21T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-21T08:00:00Z"));
        assertThat(nineToEight.nextOpening(null, Instant.parse("2026-01-21T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-21T09:00:00Z"));
    }

    @Test
    void anOpeningInADaylightSavingGapMovesToTheFirstValidInstant() {
        CallingWindow early = CallingWindow.of(new ClaimRequests.Window(EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(2, 30), LocalTime.of(6, 0), null));
        // 2026-03-08 01:00 EST; 02:30 does not exist that night in New York, 03:30 EDT does.
        assertThat(early.nextOpening("America/New_York", Instant.parse("2026-03-08T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void aWindowMustEndAfterItStartsAndNameARealZone() {
        assertThatThrownBy(() -> CallingWindow.of(new ClaimRequests.Window(WEEKDAYS, LocalTime.of(20, 0),
                LocalTime.of(9, 0), null))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.field()).isEqualTo("window.end"));
        assertThatThrownBy(() -> CallingWindow.of(new ClaimRequests.Window(WEEKDAYS, LocalTime.of(9, 0),
                LocalTime.of(20, 0), "Mars/Base"))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.field()).isEqualTo("window.time_zone"));
    }
}
