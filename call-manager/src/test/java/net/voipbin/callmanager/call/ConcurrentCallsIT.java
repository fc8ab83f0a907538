package net.voipbin.callmanager.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;

/**
 * 50 callers at once, their events interleaved on the one ARI queue: each call is answered, plays a
 * prompt and presses digits; odd callers hang up themselves, even ones are hung up by the flow. Every
 * call must end in exactly the state its own events lead to.
 */
class ConcurrentCallsIT extends CallManagerITBase {

    private static final int CALLS = 50;

    @Test
    void fiftyConcurrentCallsAllEndInTheRightState() throws Exception {
        String number = ownNumber();
        List<CallRow> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(10)) {
            List<Future<CallRow>> placed = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                placed.add(callers.submit(() -> inbound(number)));
            }
            for (Future<CallRow> f : placed) {
                calls.add(f.get());
            }
            List<Future<?>> talks = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                CallRow call = calls.get(i);
                boolean callerHangsUp = i % 2 == 1;
                talks.add(callers.submit(() -> converse(call, callerHangsUp)));
            }
            for (Future<?> f : talks) {
                f.get();
            }
        }
        for (int i = 0; i < CALLS; i++) {
            int index = i;
            CallRow ended = await().atMost(Duration.ofSeconds(20))
                    .until(() -> callRows.find(calls.get(index).id()).orElseThrow(), c -> c.status() == CallStatus.HANGUP);
            assertThat(ended.hangupReason()).as("call %d", i).isEqualTo(HangupReason.NORMAL);
            assertThat(ended.hangupBy()).as("call %d", i).isEqualTo(i % 2 == 1 ? HangupBy.REMOTE : HangupBy.LOCAL);
            assertThat(ended.tmProgressing()).as("call %d answered", i).isNotNull();
        }
        assertThat(SIM.channelIds()).doesNotContainAnyElementsOf(calls.stream().map(CallRow::channelId).toList());
    }

    private void converse(CallRow call, boolean callerHangsUp) {
        client.answer(call.id());
        awaitStatus(call.id(), CallStatus.PROGRESSING);
        client.play(call.id(), new CallRequests.Play(List.of("sound:hello-world"), 1, "p-" + call.id()));
        SIM.pressDigits(call.channelId(), "12");
        if (callerHangsUp) {
            SIM.hangupFromCaller(call.channelId());
        } else {
            client.hangup(call.id(), HangupReason.NORMAL);
        }
    }
}
