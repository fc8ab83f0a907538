package net.voipbin.flowmanager.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.flowmanager.action.ActionTargets;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.FlowValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A conference's pre flow spliced in front of the activeflow's actions: its actions (ids prefixed so they
 * cannot collide with the flow's, their next ids and option targets with them), then a goto back to the
 * {@code conference_join} that asked for it, then the flow's own actions unchanged. The flow runs the pre
 * flow first and joins after it; a pre flow that hangs up or stops ends the flow there.
 */
final class ConferencePreFlow {

    private ConferencePreFlow() {
    }

    static List<Action> splice(List<Action> preFlow, List<Action> flow, String joinActionId, FlowValidator options) {
        String prefix = "pre-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Action> spliced = new ArrayList<>();
        for (Action action : preFlow) {
            spliced.add(new Action(prefix + action.id(), action.type(), retarget(action, prefix, options),
                    action.nextId() == null ? null : prefix + action.nextId()));
        }
        ObjectNode back = JsonNodeFactory.instance.objectNode();
        back.put("target_id", joinActionId);
        spliced.add(new Action(prefix + "join", ActionType.GOTO.wire(), back, null));
        spliced.addAll(flow);
        return spliced;
    }

    /** The option with every action id it names (goto, branch and condition targets) prefixed. */
    private static JsonNode retarget(Action action, String prefix, FlowValidator options) {
        if (action.option() == null || !(action.option() instanceof ObjectNode object)) {
            return action.option();
        }
        Object bound;
        try {
            bound = ActionType.of(action.type()).map(type -> options.bind(object, type.optionType())).orElse(null);
        } catch (RuntimeException e) {
            return object; // an option holding variables binds only once substituted: it names no target then
        }
        if (!(bound instanceof ActionTargets targets) || targets.targets().isEmpty()) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        targets.targets().forEach((path, id) -> {
            int dot = path.indexOf('.');
            if (dot < 0) {
                copy.put(path, prefix + id);
            } else if (copy.get(path.substring(0, dot)) instanceof ObjectNode nested) {
                nested.put(path.substring(dot + 1), prefix + id);
            }
        });
        return copy;
    }
}
