package net.voipbin.flowmanager.executor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.flowmanager.call.CallCommands;

/** Records every command as "operation" plus its request; answers as a healthy call-manager would. */
public final class FakeCallCommands implements CallCommands {

    public record Command(String operation, UUID callId, Object request) {
    }

    public final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
    public CallStatus answerStatus = CallStatus.PROGRESSING;
    public List<UUID> dialed = List.of();
    public RuntimeException failure;

    public List<String> operations() {
        synchronized (commands) {
            return commands.stream().map(Command::operation).toList();
        }
    }

    public Command last() {
        return commands.getLast();
    }

    private void record(String operation, UUID callId, Object request) {
        if (failure != null) {
            throw failure;
        }
        commands.add(new Command(operation, callId, request));
    }

    @Override
    public CallStatus answer(UUID callId) {
        record("answer", callId, null);
        return answerStatus;
    }

    @Override
    public void play(UUID callId, CallRequests.Play request) {
        record("play", callId, request);
    }

    @Override
    public void talk(UUID callId, CallRequests.Talk request) {
        record("talk", callId, request);
    }

    @Override
    public void digitsReceive(UUID callId, CallRequests.DigitsReceive request) {
        record("digits_receive", callId, request);
    }

    @Override
    public void digitsSend(UUID callId, CallRequests.DigitsSend request) {
        record("digits_send", callId, request);
    }

    @Override
    public void hangup(UUID callId, Call.HangupReason reason) {
        record("hangup", callId, reason);
    }

    @Override
    public void recordStart(UUID callId, CallRequests.RecordStart request) {
        record("record_start", callId, request);
    }

    @Override
    public void recordStop(UUID callId) {
        record("record_stop", callId, null);
    }

    @Override
    public void transfer(UUID callId, CallRequests.Transfer request) {
        record("transfer", callId, request);
    }

    @Override
    public List<UUID> dial(CallRequests.Create request) {
        record("dial", null, request);
        return dialed;
    }

    @Override
    public void bridge(UUID callId, UUID peerCallId) {
        record("bridge", callId, peerCallId);
    }

    @Override
    public void mute(UUID callId, String direction) {
        record("mute", callId, direction);
    }

    @Override
    public void echo(UUID callId, int durationMs) {
        record("echo", callId, durationMs);
    }
}
