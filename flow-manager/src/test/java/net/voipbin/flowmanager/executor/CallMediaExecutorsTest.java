package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Activeflow.ReferenceType;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActiveflowState;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.engine.Variables;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.rpc.error.ApiException;

class CallMediaExecutorsTest {

    private final FakeCallCommands calls = new FakeCallCommands();
    private final UUID call = UUID.randomUUID();

    @Test
    void answerGoesOnOnceTheCallIsUpAndOtherwiseWaitsForCallAnswered() {
        Action answer = action("a", "answer", "{}");
        assertThat(new AnswerExecutor(calls).execute(context(call, answer, Map.of()))).isEqualTo(Outcome.NEXT);

        calls.answerStatus = CallStatus.RINGING;
        Outcome waiting = new AnswerExecutor(calls).execute(context(call, answer, Map.of()));
        assertThat(waiting).isEqualTo(Outcome.await(Wait.answer(call)));
        assertThat(calls.operations()).containsExactly("answer", "answer");
    }

    @Test
    void talkSubstitutesVariablesAndWaitsForItsOwnOperation() {
        Action talk = action("t", "talk", "{\"text\":\"Hello ${name}\"}");
        Outcome outcome = new TalkExecutor(calls).execute(context(call, talk, Map.of("name", "Ada")));

        CallRequests.Talk sent = (CallRequests.Talk) calls.last().request();
        assertThat(sent.text()).isEqualTo("Hello Ada");
        assertThat(sent.language()).isEqualTo("en-US");
        assertThat(calls.last().callId()).isEqualTo(call);
        assertThat(outcome).isEqualTo(Outcome.await(Wait.operation(sent.operationId())));
    }

    @Test
    void playAndBeepWaitForPlaybackToFinish() {
        Outcome play = new PlayExecutor(calls).execute(context(call,
                action("p", "play", "{\"media\":[\"sound:a\",\"https://x/b.wav\"],\"loop\":2}"), Map.of()));
        CallRequests.Play sent = (CallRequests.Play) calls.last().request();
        assertThat(sent.media()).containsExactly("sound:a", "https://x/b.wav");
        assertThat(sent.loop()).isEqualTo(2);
        assertThat(play).isEqualTo(Outcome.await(Wait.operation(sent.operationId())));

        new BeepExecutor(calls).execute(context(call, action("b", "beep", "{}"), Map.of()));
        assertThat(((CallRequests.Play) calls.last().request()).media()).containsExactly("sound:beep");
    }

    @Test
    void aPromptBeforeAMenuStopsAtTheCallersFirstDigitUnlessTheFlowSaysOtherwise() {
        Action prompt = action("t", "talk", "{\"text\":\"press 1 for sales\"}");
        Action menu = action("d", "digits_receive", "{}");
        Action bye = action("h", "hangup", "{}");
        Action quiet = action("q", "play", "{\"media\":[\"sound:news\"],\"barge_in\":false}");
        Action eager = action("e", "play", "{\"media\":[\"sound:news\"],\"barge_in\":true}");

        new TalkExecutor(calls).execute(TestContexts.context(
                TestContexts.state(call, List.of(prompt, menu), Map.of()), prompt));
        assertThat(((CallRequests.Talk) calls.last().request()).bargeIn()).as("a menu follows").isTrue();
        new TalkExecutor(calls).execute(TestContexts.context(
                TestContexts.state(call, List.of(prompt, bye), Map.of()), prompt));
        assertThat(((CallRequests.Talk) calls.last().request()).bargeIn()).as("no menu follows").isFalse();
        new PlayExecutor(calls).execute(TestContexts.context(TestContexts.state(call, List.of(quiet, menu), Map.of()), quiet));
        assertThat(((CallRequests.Play) calls.last().request()).bargeIn()).as("the flow said no").isFalse();
        new PlayExecutor(calls).execute(TestContexts.context(TestContexts.state(call, List.of(eager, bye), Map.of()), eager));
        assertThat(((CallRequests.Play) calls.last().request()).bargeIn()).as("the flow said yes").isTrue();
    }

    @Test
    void digitsReceiveStoresTheDigitsItWasGivenAndEmptyOnTimeout() {
        Action digits = action("d", "digits_receive", "{\"timeout_ms\":3000,\"max_length\":4,\"terminator\":\"#\"}");
        DigitsReceiveExecutor executor = new DigitsReceiveExecutor(calls);
        Outcome outcome = executor.execute(context(call, digits, Map.of()));
        CallRequests.DigitsReceive sent = (CallRequests.DigitsReceive) calls.last().request();
        assertThat(sent).extracting(CallRequests.DigitsReceive::timeoutMs, CallRequests.DigitsReceive::maxLength,
                CallRequests.DigitsReceive::terminator).containsExactly(3000, 4, "#");

        Wait wait = ((Outcome.Await) outcome).awaiting();
        ActionContext resumed = TestContexts.resuming(call, digits, wait);
        assertThat(executor.resume(resumed, finished(sent.operationId(), CallOperationFinished.Result.DONE, "42")))
                .isEqualTo(Outcome.NEXT);
        assertThat(resumed.variable(Variables.CALL_DIGITS)).isEqualTo("42");

        ActionContext timedOut = TestContexts.resuming(call, digits, wait);
        executor.resume(timedOut, finished(sent.operationId(), CallOperationFinished.Result.TIMEOUT, null));
        assertThat(timedOut.variables()).containsEntry(Variables.CALL_DIGITS, "");
    }

    @Test
    void aPlaybackCutShortWaitsBrieflyForTheHangupInsteadOfGoingOn() {
        Action talk = action("t", "talk", "{\"text\":\"hi\"}");
        TalkExecutor executor = new TalkExecutor(calls);
        Wait operation = ((Outcome.Await) executor.execute(context(call, talk, Map.of()))).awaiting();
        String operationId = ((CallRequests.Talk) calls.last().request()).operationId();

        Outcome stopped = executor.resume(TestContexts.resuming(call, talk, operation),
                finished(operationId, CallOperationFinished.Result.STOPPED, null));

        Wait grace = ((Outcome.Await) stopped).awaiting();
        assertThat(grace.keys()).contains(Signal.hangupKey(call));
        assertThat(grace.until()).isEqualTo(TestContexts.NOW.plus(MediaOperations.HANGUP_GRACE));
        assertThat(executor.resume(TestContexts.resuming(call, talk, grace), new Signal.CallHungup(call)))
                .isEqualTo(Outcome.END);
        assertThat(executor.resume(TestContexts.resuming(call, talk, grace),
                new Signal.TimerFired(grace.keys().getFirst()))).isEqualTo(Outcome.NEXT);
    }

    @Test
    void aPlaybackThatFailedWhileTheCallStaysUpFailsTheActionInsteadOfGoingOnAsIfItHadSpoken() {
        Action talk = action("greet", "talk", "{\"text\":\"welcome\"}");
        TalkExecutor executor = new TalkExecutor(calls);
        Wait operation = ((Outcome.Await) executor.execute(context(call, talk, Map.of()))).awaiting();
        String operationId = ((CallRequests.Talk) calls.last().request()).operationId();

        Outcome failed = executor.resume(TestContexts.resuming(call, talk, operation),
                finished(operationId, CallOperationFinished.Result.FAILED, null));

        Wait grace = ((Outcome.Await) failed).awaiting();
        assertThat(grace.keys()).contains(Signal.hangupKey(call));
        assertThat(executor.resume(TestContexts.resuming(call, talk, grace), new Signal.CallHungup(call)))
                .as("the caller hung up: that is why it failed").isEqualTo(Outcome.END);
        assertThat(executor.resume(TestContexts.resuming(call, talk, grace), new Signal.TimerFired(grace.keys().getFirst())))
                .isEqualTo(new Outcome.Fail("talk (action 'greet') failed: the media could not be played"));
    }

    @Test
    void hangupEndsTheFlowOnceTheCallIsGoneOrAfterTheConfirmTimeout() {
        Action hangup = action("h", "hangup", "{\"reason\":\"busy\"}");
        HangupExecutor executor = new HangupExecutor(calls);

        Wait wait = ((Outcome.Await) executor.execute(context(call, hangup, Map.of()))).awaiting();

        assertThat(calls.last().request()).isEqualTo(Call.HangupReason.BUSY);
        assertThat(wait.keys()).contains(Signal.hangupKey(call));
        assertThat(wait.until()).isEqualTo(TestContexts.NOW.plus(HangupExecutor.CONFIRM_TIMEOUT));
        assertThat(executor.resume(TestContexts.resuming(call, hangup, wait), new Signal.CallHungup(call)))
                .isEqualTo(Outcome.END);
    }

    @Test
    void commandsThatDoNotWaitGoOnAtOnce() {
        assertThat(new DigitsSendExecutor(calls).execute(context(call, action("s", "digits_send",
                "{\"digits\":\"12#\"}"), Map.of()))).isEqualTo(Outcome.NEXT);
        assertThat(new RecordingStartExecutor(calls).execute(context(call, action("r", "recording_start", "{}"),
                Map.of()))).isEqualTo(Outcome.NEXT);
        assertThat(new RecordingStopExecutor(calls).execute(context(call, action("r", "recording_stop", "{}"),
                Map.of()))).isEqualTo(Outcome.NEXT);
        assertThat(new MuteExecutor(calls).execute(context(call, action("m", "mute", "{\"direction\":\"in\"}"),
                Map.of()))).isEqualTo(Outcome.NEXT);
        assertThat(new TransferExecutor(calls, (customer, flow) -> java.util.Optional.empty()).execute(context(call, action("x", "transfer",
                "{\"type\":\"blind\",\"destination\":{\"type\":\"tel\",\"target\":\"+15550100\"}}"), Map.of())))
                .isEqualTo(Outcome.NEXT);
        assertThat(calls.operations()).containsExactly("digits_send", "record_start", "record_stop", "mute", "transfer");
        assertThat(((CallRequests.RecordStart) calls.commands.get(1).request()).format()).isEqualTo("wav");
    }

    @Test
    void echoWaitsOutItsDuration() {
        Outcome outcome = new EchoExecutor(calls).execute(context(call, action("e", "echo", "{\"duration_ms\":1500}"),
                Map.of()));

        Wait wait = ((Outcome.Await) outcome).awaiting();
        assertThat(wait.kind()).isEqualTo(Wait.Kind.TIMER);
        assertThat(wait.until()).isEqualTo(TestContexts.NOW.plusMillis(1500));
        assertThat(calls.last().request()).isEqualTo(1500);
    }

    @Test
    void callActionsFailClearlyInAFlowRunWithoutACall() {
        Action answer = action("a", "answer", "{}");
        var state = TestContexts.state(call, List.of(answer), Map.of());
        var apiFlow = new ActiveflowState(state.id(), state.customerId(), state.flowId(), ReferenceType.API,
                state.referenceId(), state.actions(), "a", state.status(), Map.of(), Map.of(), 0, null, null,
                state.tmCreate(), state.tmUpdate(), null);

        assertThatThrownBy(() -> new AnswerExecutor(calls).execute(TestContexts.context(apiFlow, answer)))
                .isInstanceOf(ApiException.class).hasMessageContaining("needs a call");
        assertThat(calls.commands).isEmpty();
    }

    private Signal finished(String operationId, CallOperationFinished.Result result, String digits) {
        return new Signal.OperationFinished(new CallOperationFinished(call, UUID.randomUUID(), null, operationId,
                CallOperationFinished.Operation.DIGITS_RECEIVE, result, digits));
    }
}
