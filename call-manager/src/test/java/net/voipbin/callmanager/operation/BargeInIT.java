package net.voipbin.callmanager.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests;
import tools.jackson.databind.JsonNode;

/**
 * A caller who knows the menu: a digit pressed during a prompt with barge-in stops it, and every digit
 * pressed while no menu collected counts toward the next one (type-ahead).
 */
class BargeInIT extends CallManagerITBase {

    /** {@code tone:} media plays until stopped: a prompt the caller is still hearing when pressing. */
    private static final List<String> LONG_PROMPT = List.of("tone:ring");

    @Test
    void aDigitStopsABargeInPromptAndTheMenuThatFollowsStartsWithIt() {
        CallRow call = answeredInbound();
        client.play(call.id(), new CallRequests.Play(LONG_PROMPT, null, "op-prompt", true));
        await().atMost(WAIT).until(() -> !playbacksOf(call).isEmpty());

        SIM.pressDigits(call.channelId(), "1");

        JsonNode prompt = finished(call, "op-prompt");
        assertThat(prompt.path("result").asString()).isEqualTo("done");
        assertThat(simRequests()).anyMatch(r -> r.method().equals("DELETE")
                && r.path().equals("/ari/playbacks/" + playbacksOf(call).getFirst()));
        client.digitsReceive(call.id(), new CallRequests.DigitsReceive(5_000, 1, "", "op-menu"));
        JsonNode menu = finished(call, "op-menu");
        assertThat(menu.path("result").asString()).isEqualTo("done");
        assertThat(menu.path("digits").asString()).isEqualTo("1");
    }

    @Test
    void aDigitDuringAPromptWithoutBargeInLetsItPlayOnButStillCountsTowardTheNextMenu() throws Exception {
        CallRow call = answeredInbound();
        client.play(call.id(), new CallRequests.Play(LONG_PROMPT, null, "op-news", false));
        await().atMost(WAIT).until(() -> !playbacksOf(call).isEmpty());

        SIM.pressDigits(call.channelId(), "2");
        await().atMost(WAIT).until(() -> !events.ofCall(CallManagerEvents.CALL_DTMF_RECEIVED, call.id()).isEmpty());
        Thread.sleep(300);

        // Only this call's prompt: the simulator's log is shared with the other tests of the class.
        List<String> stopped = playbacksOf(call).stream().map(id -> "/ari/playbacks/" + id).toList();
        assertThat(simRequests()).noneMatch(r -> r.method().equals("DELETE") && stopped.contains(r.path()));
        assertThat(operationFinished(call, "op-news")).as("the prompt plays on").isEmpty();
        client.digitsReceive(call.id(), new CallRequests.DigitsReceive(5_000, 2, "", "op-menu"));
        SIM.pressDigits(call.channelId(), "3");
        JsonNode menu = finished(call, "op-menu");
        assertThat(menu.path("digits").asString()).isEqualTo("23");
    }

    private List<String> playbacksOf(CallRow call) {
        String prefix = "/ari/channels/" + call.channelId() + "/play/";
        return simRequests().stream().filter(r -> r.path().startsWith(prefix))
                .map(r -> r.path().substring(prefix.length())).toList();
    }

    private List<JsonNode> operationFinished(CallRow call, String operationId) {
        return events.ofCall(CallManagerEvents.CALL_OPERATION_FINISHED, call.id()).stream()
                .filter(e -> operationId.equals(e.path("operation_id").asString(""))).toList();
    }

    private JsonNode finished(CallRow call, String operationId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> operationFinished(call, operationId),
                l -> !l.isEmpty()).getFirst();
    }
}
