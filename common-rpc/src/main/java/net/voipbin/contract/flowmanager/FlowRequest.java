package net.voipbin.contract.flowmanager;

import java.util.List;

/**
 * Body of {@code POST /v1.0/flows} and {@code PUT /v1.0/flows/<id>}. Validated by flow-manager as a whole
 * (action ids unique, every option typed, every target id present) so the 400 can name the action.
 */
public record FlowRequest(String name, String detail, List<Action> actions) {
}
