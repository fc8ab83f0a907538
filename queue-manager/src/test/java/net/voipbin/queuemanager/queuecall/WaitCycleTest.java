package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queue.WaitAction;
import net.voipbin.contract.queuemanager.Queue.WaitActionType;

class WaitCycleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private static final WaitAction THANKS = new WaitAction(WaitActionType.TALK, "Thanks", null, null, null);
    private static final WaitAction SLEEP = new WaitAction(WaitActionType.SLEEP, null, null, null, 60_000);

    private static Queue queue(String announcement, int interval, List<WaitAction> actions, List<String> media) {
        return new Queue(UUID.randomUUID(), UUID.randomUUID(), "q", "", null, null, null, 20, 300, 0, media, "jazz",
                actions, interval, announcement, 0, Queue.Overflow.CONTINUE, 0, 3, "p", 20, T0, T0);
    }

    @Test
    void theCallerHearsTheirPositionOnArrivalThenMusicUntilTheNextAnnouncementIsDue() {
        Queue q = queue("You are caller number {position}.", 30, List.of(), List.of());

        WaitCycle.Decision first = WaitCycle.next(q, new WaitCycle.State(0, null), T0);
        assertThat(first.kind()).isEqualTo(WaitCycle.Kind.ANNOUNCE);
        WaitCycle.Decision music = WaitCycle.next(q, new WaitCycle.State(0, first.tmAnnounced()), T0.plusSeconds(2));
        assertThat(music.kind()).isEqualTo(WaitCycle.Kind.MUSIC);
        assertThat(music.wakeAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(WaitCycle.next(q, new WaitCycle.State(0, T0), T0.plusSeconds(30)).kind())
                .isEqualTo(WaitCycle.Kind.ANNOUNCE);
    }

    @Test
    void withoutAnnouncementsOrWaitActionsTheMusicPlaysOnWithoutWakeUps() {
        WaitCycle.Decision d = WaitCycle.next(queue("", 30, List.of(), List.of()), new WaitCycle.State(0, null), T0);
        assertThat(d.kind()).isEqualTo(WaitCycle.Kind.MUSIC);
        assertThat(d.wakeAt()).isNull();
        assertThat(WaitCycle.next(queue("pos {position}", 0, List.of(), List.of()), new WaitCycle.State(0, T0),
                T0.plusSeconds(999)).wakeAt()).as("interval 0: announced on arrival only").isNull();
    }

    @Test
    void waitActionsLoopAndADueAnnouncementCutsASleepShort() {
        Queue q = queue("pos {position}", 30, List.of(THANKS, SLEEP), List.of());

        WaitCycle.Decision talk = WaitCycle.next(q, new WaitCycle.State(0, T0), T0.plusSeconds(1));
        assertThat(talk.kind()).isEqualTo(WaitCycle.Kind.PROMPT);
        assertThat(talk.action()).isEqualTo(THANKS);
        WaitCycle.Decision sleep = WaitCycle.next(q, new WaitCycle.State(talk.step(), T0), T0.plusSeconds(2));
        assertThat(sleep.kind()).isEqualTo(WaitCycle.Kind.MUSIC);
        assertThat(sleep.wakeAt()).as("the announcement at 30 s comes before the sleep's end at 62 s")
                .isEqualTo(T0.plusSeconds(30));
        assertThat(WaitCycle.next(q, new WaitCycle.State(sleep.step(), T0), T0.plusSeconds(3)).action())
                .as("round again").isEqualTo(THANKS);
    }

    @Test
    void wait_mediaAloneIsOnePlayStep() {
        WaitCycle.Decision d = WaitCycle.next(queue("", 30, List.of(), List.of("sound:a", "sound:b")),
                new WaitCycle.State(0, null), T0);
        assertThat(d.kind()).isEqualTo(WaitCycle.Kind.PROMPT);
        assertThat(d.action().type()).isEqualTo(WaitActionType.PLAY);
        assertThat(d.action().media()).containsExactly("sound:a", "sound:b");
    }
}
