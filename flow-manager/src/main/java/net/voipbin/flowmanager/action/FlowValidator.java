package net.voipbin.flowmanager.action;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.rpc.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a whole action list before it is stored or run: known types, unique ids, every option bound
 * to its record and valid, every referenced action present. The first problem is a 400 whose field is
 * {@code actions[<index>].<field>} and whose message names the action's index, id and type.
 */
@Component
public class FlowValidator {

    public static final int MAX_ACTIONS = 500;

    private final JsonMapper json;
    private final Validator validator;

    public FlowValidator(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The actions as they will be stored: ids assigned where missing, absent options as {}. */
    public List<Action> validate(List<Action> actions) {
        if (actions == null || actions.isEmpty()) {
            throw ApiException.invalidField("actions", "at least one action is required");
        }
        if (actions.size() > MAX_ACTIONS) {
            throw ApiException.invalidField("actions", "at most " + MAX_ACTIONS + " actions");
        }
        List<Action> normalized = normalize(actions);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < normalized.size(); i++) {
            if (!ids.add(normalized.get(i).id())) {
                throw invalid(i, normalized.get(i), "id", "duplicate action id");
            }
        }
        for (int i = 0; i < normalized.size(); i++) {
            checkAction(i, normalized.get(i), ids);
        }
        return normalized;
    }

    /** Binds an option to its record; used by the engine on (substituted) stored options. */
    public <T> T bind(JsonNode option, Class<T> type) {
        return json.treeToValue(option == null ? JsonNodeFactory.instance.objectNode() : option, type);
    }

    private List<Action> normalize(List<Action> actions) {
        List<Action> normalized = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (action == null) {
                throw ApiException.invalidField("actions[" + i + "]", "action " + i + " is null");
            }
            String id = action.id() == null || action.id().isBlank() ? UUID.randomUUID().toString() : action.id();
            JsonNode option = action.option() == null || action.option().isNull()
                    ? JsonNodeFactory.instance.objectNode() : action.option();
            normalized.add(new Action(id, action.type(), option, action.nextId()));
        }
        return normalized;
    }

    private void checkAction(int index, Action action, Set<String> ids) {
        ActionType type = ActionType.of(action.type()).orElseThrow(() -> invalid(index, action, "type",
                "unknown action type '" + action.type() + "' (known: " + ActionType.names() + ")"));
        if (!action.option().isObject()) {
            throw invalid(index, action, "option", "must be a JSON object");
        }
        Object option = bindChecked(index, action, type);
        Set<ConstraintViolation<Object>> violations = validator.validate(option);
        if (!violations.isEmpty()) {
            ConstraintViolation<Object> first = violations.iterator().next();
            throw invalid(index, action, "option." + snake(first.getPropertyPath().toString()), first.getMessage());
        }
        if (action.nextId() != null && !ids.contains(action.nextId())) {
            throw invalid(index, action, "next_id", "no action with id '" + action.nextId() + "'");
        }
        if (option instanceof ActionTargets targets) {
            for (Map.Entry<String, String> target : targets.targets().entrySet()) {
                if (!ids.contains(target.getValue())) {
                    throw invalid(index, action, "option." + target.getKey(),
                            "no action with id '" + target.getValue() + "'");
                }
            }
        }
    }

    private Object bindChecked(int index, Action action, ActionType type) {
        try {
            return json.treeToValue(action.option(), type.optionType());
        } catch (DatabindException e) {
            String path = pathOf(e);
            return throwInvalid(index, action, path.isEmpty() ? "option" : "option." + path, e.getOriginalMessage());
        } catch (JacksonException | IllegalArgumentException e) {
            return throwInvalid(index, action, "option", e.getMessage());
        }
    }

    private static Object throwInvalid(int index, Action action, String field, String message) {
        throw invalid(index, action, field, message);
    }

    static ApiException invalid(int index, Action action, String field, String message) {
        return ApiException.invalidField("actions[" + index + "]." + field, "action " + index + " (id '"
                + action.id() + "', type " + action.type() + "): " + message);
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String snake(String camel) {
        // Container elements show as "media[0].<list element>": keep the index, drop the marker.
        return camel.replaceAll("\\.<[^>]+>", "").replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
