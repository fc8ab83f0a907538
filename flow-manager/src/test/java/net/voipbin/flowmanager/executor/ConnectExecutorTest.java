package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.engine.Wait;

class ConnectExecutorTest {

    private final FakeCallCommands calls = new FakeCallCommands();
    private final ConnectExecutor executor = new ConnectExecutor(calls);
    private final UUID caller = UUID.randomUUID();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final Action connect = action("c", "connect", "{\"source\":{\"type\":\"tel\",\"target\":\"+15550001\"},"
            + "\"destinations\":[{\"type\":\"tel\",\"target\":\"+15550100\"},{\"type\":\"sip\",\"target\":\"bob@x\"}],"
            + "\"ring_timeout_ms\":20000}");

    private Wait dialing() {
        calls.dialed = List.of(first, second);
        return ((Outcome.Await) executor.execute(context(caller, connect, Map.of()))).awaiting();
    }

    @Test
    void dialsEveryDestinationWithTheRingTimeout() {
        Wait wait = dialing();

        CallRequests.Create dial = (CallRequests.Create) calls.last().request();
        assertThat(dial.destinations()).hasSize(2);
        assertThat(dial.dialTimeoutMs()).isEqualTo(20000);
        assertThat(wait.kind()).isEqualTo(Wait.Kind.DIAL);
        assertThat(wait.keys()).contains(Signal.answerKey(first), Signal.hangupKey(second));
    }

    @Test
    void bridgesTheFirstToAnswerCancelsTheOtherAndWaitsForThePeerToHangUp() {
        Wait wait = dialing();

        Outcome outcome = executor.resume(TestContexts.resuming(caller, connect, wait), new Signal.CallAnswered(second));

        assertThat(calls.operations()).containsExactly("dial", "bridge", "hangup");
        assertThat(calls.commands.get(1)).isEqualTo(new FakeCallCommands.Command("bridge", caller, second));
        assertThat(calls.commands.get(2).callId()).isEqualTo(first);
        Wait peer = ((Outcome.Await) outcome).awaiting();
        assertThat(peer.keys()).containsExactly(Signal.hangupKey(second));
        assertThat(executor.resume(TestContexts.resuming(caller, connect, peer), new Signal.CallHungup(second)))
                .isEqualTo(Outcome.NEXT);
    }

    @Test
    void goesOnWhenNobodyAnswers() {
        Wait wait = dialing();

        Outcome afterFirst = executor.resume(TestContexts.resuming(caller, connect, wait), new Signal.CallHungup(first));
        Wait remaining = ((Outcome.Await) afterFirst).awaiting();
        assertThat(remaining.keys()).containsExactly(Signal.answerKey(second), Signal.hangupKey(second));

        assertThat(executor.resume(TestContexts.resuming(caller, connect, remaining), new Signal.CallHungup(second)))
                .isEqualTo(Outcome.NEXT);
        assertThat(calls.operations()).containsExactly("dial");
    }
}
