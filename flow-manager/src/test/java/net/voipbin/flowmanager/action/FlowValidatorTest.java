package net.voipbin.flowmanager.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.rpc.error.ApiException;

class FlowValidatorTest {

    private final FlowValidator validator = TestContexts.VALIDATOR;

    private static Action action(String id, String type, String option) {
        return TestContexts.action(id, type, option);
    }

    private static ApiException rejection(List<Action> actions) {
        try {
            TestContexts.VALIDATOR.validate(actions);
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("flow was accepted");
    }

    @Test
    void acceptsTheIvrFlowAndAssignsMissingIds() {
        List<Action> actions = validator.validate(List.of(
                action(null, "answer", "{}"),
                action("t", "talk", "{\"text\":\"Press 1 or 2\",\"language\":\"en-US\"}"),
                action("d", "digits_receive", "{\"timeout_ms\":5000,\"max_length\":1}"),
                action("b", "branch", "{\"target_ids\":{\"1\":\"a\",\"2\":\"bb\"}}"),
                action("a", "play", "{\"media\":[\"sound:a\"]}"),
                action("bb", "play", "{\"media\":[\"sound:b\"]}"),
                new Action("h", "hangup", null, null)));

        assertThat(actions).hasSize(7);
        assertThat(actions.getFirst().id()).isNotBlank();
        assertThat(actions.getLast().option().isObject()).isTrue();
    }

    @Test
    void namesTheActionAndFieldOfABlankTalkText() {
        ApiException e = rejection(List.of(action("a1", "answer", "{}"), action("t1", "talk", "{\"text\":\"\"}")));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("actions[1].option.text");
        assertThat(e.getMessage()).contains("action 1", "'t1'", "talk");
    }

    @Test
    void namesAConferenceRoleThatIsNeitherParticipantNorModerator() {
        String conference = "\"conference_id\":\"" + java.util.UUID.randomUUID() + "\"";
        validator.validate(List.of(action("c", "conference_join", "{" + conference + ",\"role\":\"moderator\"}")));
        ApiException e = rejection(List.of(action("c", "conference_join", "{" + conference + ",\"role\":\"boss\"}")));

        assertThat(e.field()).isEqualTo("actions[0].option.role");
        assertThat(e.getMessage()).contains("must be participant or moderator");
    }

    @Test
    void refusesAnUnknownType() {
        ApiException e = rejection(List.of(action("x", "dance", "{}")));

        assertThat(e.field()).isEqualTo("actions[0].type");
        assertThat(e.getMessage()).contains("unknown action type 'dance'");
    }

    @Test
    void refusesAWronglyTypedOption() {
        ApiException e = rejection(List.of(action("d", "digits_receive", "{\"timeout_ms\":\"soon\"}")));

        assertThat(e.field()).isEqualTo("actions[0].option.timeout_ms");
    }

    @Test
    void refusesAnOutOfRangeOptionWithItsSnakeCaseName() {
        ApiException e = rejection(List.of(action("d", "digits_receive", "{\"max_length\":500}")));

        assertThat(e.field()).isEqualTo("actions[0].option.max_length");
    }

    @Test
    void refusesGotoAndBranchTargetsThatDoNotExist() {
        assertThat(rejection(List.of(action("g", "goto", "{\"target_id\":\"nowhere\"}"))).field())
                .isEqualTo("actions[0].option.target_id");
        assertThat(rejection(List.of(action("b", "branch", "{\"target_ids\":{\"1\":\"nowhere\"}}"))).field())
                .isEqualTo("actions[0].option.target_ids.1");
        assertThat(rejection(List.of(new Action("a", "answer", null, "nowhere"))).field())
                .isEqualTo("actions[0].next_id");
    }

    @Test
    void refusesDuplicateIdsAndEmptyFlows() {
        assertThat(rejection(List.of(action("a", "answer", "{}"), action("a", "hangup", "{}"))).field())
                .isEqualTo("actions[1].id");
        assertThat(rejection(List.of()).field()).isEqualTo("actions");
    }

    @Test
    void refusesBadListElementsTimeZonesAndUrls() {
        assertThat(rejection(List.of(action("p", "play", "{\"media\":[\"\"]}"))).field())
                .isEqualTo("actions[0].option.media[0]");
        assertThat(rejection(List.of(action("c", "condition_datetime",
                "{\"timezone\":\"Mars/Olympus\",\"start_time\":\"09:00\",\"end_time\":\"17:00\"}"))).field())
                .isEqualTo("actions[0].option.timezone");
        assertThat(rejection(List.of(action("f", "fetch", "{\"url\":\"ftp://x\"}"))).field())
                .isEqualTo("actions[0].option.url");
        assertThat(rejection(List.of(action("c", "connect",
                "{\"source\":{\"type\":\"tel\",\"target\":\"+1555\"},\"destinations\":[]}"))).field())
                .isEqualTo("actions[0].option.destinations");
    }
}
