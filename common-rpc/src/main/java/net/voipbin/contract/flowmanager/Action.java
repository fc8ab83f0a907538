package net.voipbin.contract.flowmanager;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/**
 * One step of a flow: {@code {"id": "a1", "type": "talk", "option": {"text": "Hello"}, "next_id": "a3"}}.
 * {@code option} is typed per {@code type} (see flow-manager's README); flow-manager validates it when the
 * flow is stored and answers 400 naming {@code actions[<index>].option.<field>}. Without {@code next_id} the
 * following action in the list runs next. An id left out is assigned at create.
 */
public record Action(
        String id,
        String type,
        JsonNode option,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextId) {
}
