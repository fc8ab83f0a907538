package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.flow.FlowLookup;

/** Continues with another stored flow of the same customer: its actions replace the rest of this one. */
@Component
class FetchFlowExecutor implements ActionExecutor {

    private final FlowLookup flows;

    FetchFlowExecutor(FlowLookup flows) {
        this.flows = flows;
    }

    @Override
    public ActionType type() {
        return ActionType.FETCH_FLOW;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.FetchFlow option = context.option(ControlOptions.FetchFlow.class);
        return flows.find(context.customerId(), option.flowId())
                .map(flow -> (Outcome) new Outcome.Replace(flow.actions()))
                .orElseGet(() -> Outcome.fail("fetch_flow: flow " + option.flowId() + " not found"));
    }
}
