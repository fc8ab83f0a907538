package net.voipbin.flowmanager.executor;

import java.time.Duration;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Wait;

/** Waits; the timer is persisted, so a restart does not lose it. */
@Component
class SleepExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.SLEEP;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.Sleep option = context.option(ControlOptions.Sleep.class);
        return Outcome.await(Wait.timer(context.now().plus(Duration.ofMillis(option.durationMs()))));
    }
}
