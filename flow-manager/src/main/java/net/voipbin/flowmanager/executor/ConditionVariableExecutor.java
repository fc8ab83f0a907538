package net.voipbin.flowmanager.executor;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/**
 * Goes on if {@code variable operator value} holds, else jumps to {@code false_target_id}. Two numbers
 * compare as numbers ("10" > "9"), anything else as strings.
 */
@Component
class ConditionVariableExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.CONDITION_VARIABLE;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.ConditionVariable option = context.option(ControlOptions.ConditionVariable.class);
        String operator = option.operator() == null ? "==" : option.operator();
        boolean holds = holds(context.variable(option.variable()), operator, option.value());
        return holds || option.falseTargetId() == null ? Outcome.NEXT : Outcome.goTo(option.falseTargetId());
    }

    static boolean holds(String actual, String operator, String expected) {
        if (operator.equals("contains")) {
            return actual.contains(expected);
        }
        int order = compare(actual, expected);
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            default -> throw new IllegalArgumentException("unknown operator " + operator);
        };
    }

    private static int compare(String a, String b) {
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
