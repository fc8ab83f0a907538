package net.voipbin.flowmanager.executor;


import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Variables;

/** Goes on if the collected digits match ({@code digits} exactly, or {@code length}); else jumps to {@code false_target_id}. */
@Component
class ConditionCallDigitsExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.CONDITION_CALL_DIGITS;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.ConditionCallDigits option = context.option(ControlOptions.ConditionCallDigits.class);
        String digits = context.variable(Variables.CALL_DIGITS);
        boolean holds = option.digits() != null && !option.digits().isEmpty() ? option.digits().equals(digits)
                : digits.length() == option.length();
        return holds || option.falseTargetId() == null ? Outcome.NEXT : Outcome.goTo(option.falseTargetId());
    }
}
