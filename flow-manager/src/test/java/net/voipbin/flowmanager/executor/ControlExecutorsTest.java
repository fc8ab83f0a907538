package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.engine.Variables;
import net.voipbin.flowmanager.engine.Wait;

class ControlExecutorsTest {

    private final UUID call = UUID.randomUUID();

    @Test
    void branchJumpsOnTheDigitsThenTheDefaultThenFallsThrough() {
        var branch = action("b", "branch", "{\"target_ids\":{\"1\":\"a\",\"2\":\"bb\"},\"default_target_id\":\"d\"}");
        BranchExecutor executor = new BranchExecutor();

        assertThat(executor.execute(context(call, branch, Map.of(Variables.CALL_DIGITS, "2")))).isEqualTo(Outcome.goTo("bb"));
        assertThat(executor.execute(context(call, branch, Map.of(Variables.CALL_DIGITS, "9")))).isEqualTo(Outcome.goTo("d"));
        var noDefault = action("b", "branch", "{\"variable\":\"lang\",\"target_ids\":{\"de\":\"g\"}}");
        assertThat(executor.execute(context(call, noDefault, Map.of("lang", "fr")))).isEqualTo(Outcome.NEXT);
        assertThat(executor.execute(context(call, noDefault, Map.of("lang", "de")))).isEqualTo(Outcome.goTo("g"));
    }

    @Test
    void gotoLoopsAtMostItsLoopCount() {
        var loop = action("g", "goto", "{\"target_id\":\"t\",\"loop_count\":2}");
        GotoExecutor executor = new GotoExecutor();
        ActionContext context = context(call, loop, Map.of());

        assertThat(executor.execute(context)).isEqualTo(Outcome.goTo("t"));
        assertThat(executor.execute(context)).isEqualTo(Outcome.goTo("t"));
        assertThat(executor.execute(context)).isEqualTo(Outcome.NEXT);
        assertThat(context.gotoCounts()).containsEntry("g", 3);
    }

    @Test
    void sleepWaitsOnAPersistedTimer() {
        Outcome outcome = new SleepExecutor().execute(context(call, action("s", "sleep", "{\"duration_ms\":250}"), Map.of()));

        Wait wait = ((Outcome.Await) outcome).awaiting();
        assertThat(wait.kind()).isEqualTo(Wait.Kind.TIMER);
        assertThat(wait.until()).isEqualTo(TestContexts.NOW.plusMillis(250));
    }

    @Test
    void variableSetSubstitutesItsValue() {
        ActionContext context = context(call, action("v", "variable_set", "{\"name\":\"greeting\",\"value\":\"hi ${who}\"}"),
                Map.of("who", "Bob"));

        assertThat(new VariableSetExecutor().execute(context)).isEqualTo(Outcome.NEXT);
        assertThat(context.variable("greeting")).isEqualTo("hi Bob");
    }

    @Test
    void conditionVariableComparesNumbersAsNumbersAndJumpsWhenFalse() {
        var condition = action("c", "condition_variable",
                "{\"variable\":\"n\",\"operator\":\">\",\"value\":\"9\",\"false_target_id\":\"no\"}");
        ConditionVariableExecutor executor = new ConditionVariableExecutor();

        assertThat(executor.execute(context(call, condition, Map.of("n", "10")))).isEqualTo(Outcome.NEXT);
        assertThat(executor.execute(context(call, condition, Map.of("n", "3")))).isEqualTo(Outcome.goTo("no"));
        assertThat(ConditionVariableExecutor.holds("hello world", "contains", "world")).isTrue();
        assertThat(ConditionVariableExecutor.holds("abc", "!=", "abc")).isFalse();
    }

    @Test
    void conditionCallDigitsMatchesDigitsOrLength() {
        ConditionCallDigitsExecutor executor = new ConditionCallDigitsExecutor();
        var exact = action("c", "condition_call_digits", "{\"digits\":\"123\",\"false_target_id\":\"no\"}");
        var length = action("c", "condition_call_digits", "{\"length\":4,\"false_target_id\":\"no\"}");

        assertThat(executor.execute(context(call, exact, Map.of(Variables.CALL_DIGITS, "123")))).isEqualTo(Outcome.NEXT);
        assertThat(executor.execute(context(call, exact, Map.of(Variables.CALL_DIGITS, "12")))).isEqualTo(Outcome.goTo("no"));
        assertThat(executor.execute(context(call, length, Map.of(Variables.CALL_DIGITS, "9876")))).isEqualTo(Outcome.NEXT);
    }

    @Test
    void conditionDatetimeHoldsInsideBusinessHoursOfItsTimeZone() {
        // 2026-01-20T12:00Z is a Tuesday, 13:00 in Berlin and 07:00 in New York.
        var berlin = action("c", "condition_datetime", "{\"timezone\":\"Europe/Berlin\",\"days\":[\"mon\",\"tue\"],"
                + "\"start_time\":\"09:00\",\"end_time\":\"17:00\",\"false_target_id\":\"closed\"}");
        var newYork = action("c", "condition_datetime", "{\"timezone\":\"America/New_York\","
                + "\"start_time\":\"09:00\",\"end_time\":\"17:00\",\"false_target_id\":\"closed\"}");
        ConditionDatetimeExecutor executor = new ConditionDatetimeExecutor();

        assertThat(executor.execute(context(call, berlin, Map.of()))).isEqualTo(Outcome.NEXT);
        assertThat(executor.execute(context(call, newYork, Map.of()))).isEqualTo(Outcome.goTo("closed"));
    }

    @Test
    void conditionDatetimeWindowsMaySpanMidnight() {
        var night = new ControlOptions.ConditionDatetime("UTC", List.of("fri"), "22:00", "06:00", null);

        assertThat(ConditionDatetimeExecutor.inWindow(ZonedDateTime.parse("2026-01-23T23:00Z"), night)).isTrue();
        assertThat(ConditionDatetimeExecutor.inWindow(ZonedDateTime.parse("2026-01-24T05:59Z"), night)).isTrue();
        assertThat(ConditionDatetimeExecutor.inWindow(ZonedDateTime.parse("2026-01-24T06:00Z"), night)).isFalse();
        assertThat(ConditionDatetimeExecutor.inWindow(ZonedDateTime.parse("2026-01-24T23:00Z"), night)).isFalse();
    }

    @Test
    void stopEndsAndFetchFlowReplacesTheRestWithTheStoredFlow() {
        assertThat(new StopExecutor().execute(context(call, action("s", "stop", "{}"), Map.of()))).isEqualTo(Outcome.END);

        UUID flowId = UUID.randomUUID();
        var other = new Flow(flowId, null, "other", "", List.of(action("x", "hangup", "{}")), null, null);
        FetchFlowExecutor executor = new FetchFlowExecutor((customer, id) -> Optional.of(other).filter(f -> id.equals(flowId)));

        assertThat(executor.execute(context(call, action("f", "fetch_flow", "{\"flow_id\":\"" + flowId + "\"}"), Map.of())))
                .isEqualTo(new Outcome.Replace(other.actions()));
        assertThat(executor.execute(context(call, action("f", "fetch_flow", "{\"flow_id\":\"" + UUID.randomUUID() + "\"}"),
                Map.of()))).isInstanceOf(Outcome.Fail.class);
    }
}
