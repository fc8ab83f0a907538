package net.voipbin.flowmanager.activeflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriptions;

class CallEventSubscriberTest {

    private final List<Object> delivered = new ArrayList<>();
    private final ActiveflowSignals signals = new ActiveflowSignals(null, null, null, null) {
        @Override
        void operationFinished(CallOperationFinished event) {
            delivered.add(event);
        }

        @Override
        void callAnswered(UUID callId) {
            delivered.add("answered " + callId);
        }

        @Override
        void callHungup(UUID callId) {
            delivered.add("hungup " + callId);
        }

        @Override
        void callTransferred(TransferCompleted transfer) {
            delivered.add(transfer);
        }
    };
    private final EventSubscriptions subscriptions = new EventSubscriptions(TestContexts.JSON);

    CallEventSubscriberTest() {
        new CallEventSubscriber(signals).subscriptions(subscriptions);
    }

    private void deliver(String type, String data) throws Exception {
        Event event = new Event(type, "call-manager", Instant.now(), TestContexts.JSON.readTree(data));
        subscriptions.handlerFor(event).orElseThrow().handle(event);
    }

    @Test
    void subscribesToTheCallEventsThatMoveFlows() {
        assertThat(subscriptions.routingKeys()).containsExactlyInAnyOrder("call-manager.call_operation_finished",
                "call-manager.call_answered", "call-manager.call_hungup", "call-manager.transfer_completed");
    }

    @Test
    void readsOperationResultsEvenWithOperationsItDoesNotKnow() throws Exception {
        UUID call = UUID.randomUUID();
        deliver("call_operation_finished", "{\"call_id\":\"" + call + "\",\"operation_id\":\"op-1\","
                + "\"operation\":\"teleport\",\"result\":\"done\",\"digits\":\"12\"}");

        CallOperationFinished event = (CallOperationFinished) delivered.getFirst();
        assertThat(event.operationId()).isEqualTo("op-1");
        assertThat(event.operation()).isNull();
        assertThat(event.result()).isEqualTo(CallOperationFinished.Result.DONE);
        assertThat(event.digits()).isEqualTo("12");
    }

    @Test
    void ignoresEventsItCannotUseInsteadOfFailingTheConsumer() throws Exception {
        deliver("call_operation_finished", "{\"call_id\":\"not-a-uuid\",\"operation_id\":\"op\"}");
        deliver("call_operation_finished", "{\"call_id\":\"" + UUID.randomUUID() + "\"}");
        deliver("call_hungup", "{\"id\":42}");
        deliver("call_answered", "null");

        assertThat(delivered).isEmpty();
    }

    @Test
    void passesTheCallOfAnsweredAndHungUpCalls() throws Exception {
        UUID call = UUID.randomUUID();
        deliver("call_answered", "{\"id\":\"" + call + "\",\"status\":\"some_future_status\"}");
        deliver("call_hungup", "{\"id\":\"" + call + "\"}");

        assertThat(delivered).containsExactly("answered " + call, "hungup " + call);
    }


    @Test
    void readsACompletedTransferWithTheFlowItMovesTheCallOnToOrWithout() throws Exception {
        UUID transfer = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        UUID flow = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        deliver("transfer_completed", "{\"id\":\"" + transfer + "\",\"customer_id\":\"" + customer
                + "\",\"transferee_call_id\":\"" + call + "\",\"target_call_id\":\"" + target
                + "\",\"flow_id\":\"" + flow + "\",\"activeflow_id\":\"" + next + "\",\"status\":\"completed\"}");
        deliver("transfer_completed", "{\"id\":\"" + transfer + "\",\"transferee_call_id\":\"" + call
                + "\",\"flow_id\":null,\"activeflow_id\":null}");

        assertThat(delivered).containsExactly(
                new ActiveflowSignals.TransferCompleted(transfer, customer, call, target, flow, next),
                new ActiveflowSignals.TransferCompleted(transfer, null, call, null, null, null));
        assertThat(((ActiveflowSignals.TransferCompleted) delivered.getFirst()).movesOn()).isTrue();
        assertThat(((ActiveflowSignals.TransferCompleted) delivered.getLast()).movesOn()).isFalse();
    }
}
