package net.voipbin.flowmanager.executor;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/**
 * Business hours: goes on when now, in the option's time zone, is on one of {@code days} (all days if
 * none) and within {@code start_time}..{@code end_time} (end exclusive; start after end spans midnight,
 * the day being the one the window started on); else jumps to {@code false_target_id}.
 */
@Component
class ConditionDatetimeExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.CONDITION_DATETIME;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.ConditionDatetime option = context.option(ControlOptions.ConditionDatetime.class);
        boolean holds = inWindow(ZonedDateTime.ofInstant(context.now(), ZoneId.of(option.timezone())), option);
        return holds || option.falseTargetId() == null ? Outcome.NEXT : Outcome.goTo(option.falseTargetId());
    }

    static boolean inWindow(ZonedDateTime now, ControlOptions.ConditionDatetime option) {
        LocalTime start = LocalTime.parse(option.startTime());
        LocalTime end = LocalTime.parse(option.endTime());
        LocalTime time = now.toLocalTime();
        if (!start.isAfter(end)) {
            return dayAllowed(now, option) && !time.isBefore(start) && time.isBefore(end);
        }
        if (!time.isBefore(start)) {
            return dayAllowed(now, option);
        }
        return time.isBefore(end) && dayAllowed(now.minusDays(1), option);
    }

    private static boolean dayAllowed(ZonedDateTime day, ControlOptions.ConditionDatetime option) {
        if (option.days() == null || option.days().isEmpty()) {
            return true;
        }
        String name = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        return option.days().contains(name);
    }
}
