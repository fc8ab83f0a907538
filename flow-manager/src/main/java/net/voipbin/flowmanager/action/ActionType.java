package net.voipbin.flowmanager.action;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every action a flow may hold, with its wire name and the record its {@code option} binds to. */
public enum ActionType {
    ANSWER("answer", MediaOptions.None.class),
    PLAY("play", MediaOptions.Play.class),
    TALK("talk", MediaOptions.Talk.class),
    DIGITS_RECEIVE("digits_receive", MediaOptions.DigitsReceive.class),
    DIGITS_SEND("digits_send", MediaOptions.DigitsSend.class),
    HANGUP("hangup", MediaOptions.Hangup.class),
    RECORDING_START("recording_start", MediaOptions.RecordingStart.class),
    RECORDING_STOP("recording_stop", MediaOptions.None.class),
    ECHO("echo", MediaOptions.Echo.class),
    BEEP("beep", MediaOptions.None.class),
    MUTE("mute", MediaOptions.Mute.class),
    BRANCH("branch", ControlOptions.Branch.class),
    GOTO("goto", ControlOptions.Goto.class),
    SLEEP("sleep", ControlOptions.Sleep.class),
    VARIABLE_SET("variable_set", ControlOptions.VariableSet.class),
    CONDITION_VARIABLE("condition_variable", ControlOptions.ConditionVariable.class),
    CONDITION_CALL_DIGITS("condition_call_digits", ControlOptions.ConditionCallDigits.class),
    CONDITION_DATETIME("condition_datetime", ControlOptions.ConditionDatetime.class),
    FETCH_FLOW("fetch_flow", ControlOptions.FetchFlow.class),
    STOP("stop", MediaOptions.None.class),
    CONNECT("connect", ExternalOptions.Connect.class),
    TRANSFER("transfer", ExternalOptions.Transfer.class),
    QUEUE_JOIN("queue_join", ExternalOptions.QueueJoin.class),
    CONFERENCE_JOIN("conference_join", ExternalOptions.ConferenceJoin.class),
    AI_TALK("ai_talk", ExternalOptions.AiTalk.class),
    WEBHOOK_SEND("webhook_send", ExternalOptions.WebhookSend.class),
    FETCH("fetch", ExternalOptions.Fetch.class);

    private static final Map<String, ActionType> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toMap(ActionType::wire, Function.identity()));

    private final String wire;
    private final Class<?> optionType;

    ActionType(String wire, Class<?> optionType) {
        this.wire = wire;
        this.optionType = optionType;
    }

    public String wire() {
        return wire;
    }

    public Class<?> optionType() {
        return optionType;
    }

    public static Optional<ActionType> of(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }

    public static String names() {
        return Arrays.stream(values()).map(ActionType::wire).collect(Collectors.joining(", "));
    }
}
