package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.flow.FlowLookup;

/** The transfer action: what call-manager is asked, and a flow after the transfer checked before anything is dialed. */
class TransferExecutorTest {

    private final FakeCallCommands calls = new FakeCallCommands();
    private final UUID call = UUID.randomUUID();
    private final UUID nextFlow = UUID.randomUUID();

    private ActionContext transfer(String option) {
        return context(call, action("away", "transfer", option), Map.of());
    }

    /** The customer of {@code context} owns {@link #nextFlow} and nothing else. */
    private FlowLookup flowsOf(ActionContext context) {
        return (customer, flow) -> customer.equals(context.customerId()) && flow.equals(nextFlow)
                ? Optional.of(new Flow(flow, customer, "after", null, List.of(), Instant.now(), Instant.now()))
                : Optional.empty();
    }

    @Test
    void aTransferWithAFlowAfterItAsksCallManagerToRunItOnTheTransferredCall() {
        ActionContext context = transfer("{\"type\":\"attended\",\"destination\":{\"type\":\"tel\",\"target\":"
                + "\"+15550100\"},\"flow_id\":\"" + nextFlow + "\"}");

        Outcome outcome = new TransferExecutor(calls, flowsOf(context)).execute(context);

        assertThat(outcome).isEqualTo(Outcome.NEXT);
        assertThat(calls.operations()).containsExactly("transfer");
        assertThat(calls.last().callId()).isEqualTo(call);
        assertThat(calls.last().request()).isEqualTo(new CallRequests.Transfer(CallRequests.Transfer.TransferType.ATTENDED,
                Address.tel("+15550100"), nextFlow));
    }

    @Test
    void aTransferWithoutAFlowEndsTheFlowsControlAsBefore() {
        ActionContext context = transfer("{\"type\":\"blind\",\"destination\":{\"type\":\"tel\",\"target\":\"+15550100\"}}");

        assertThat(new TransferExecutor(calls, flowsOf(context)).execute(context)).isEqualTo(Outcome.NEXT);
        assertThat(((CallRequests.Transfer) calls.last().request()).flowId()).isNull();
    }

    @Test
    void aFlowTheCustomerDoesNotHaveFailsTheActionBeforeAnyTargetIsDialed() {
        UUID unknown = UUID.randomUUID();
        ActionContext context = transfer("{\"type\":\"blind\",\"destination\":{\"type\":\"tel\",\"target\":"
                + "\"+15550100\"},\"flow_id\":\"" + unknown + "\"}");

        Outcome outcome = new TransferExecutor(calls, flowsOf(context)).execute(context);

        assertThat(outcome).isInstanceOf(Outcome.Fail.class);
        assertThat(((Outcome.Fail) outcome).error()).isEqualTo("transfer: flow " + unknown + " not found");
        assertThat(calls.operations()).isEmpty();
    }
}
