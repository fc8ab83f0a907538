package net.voipbin.flowmanager.call;

import java.util.List;
import java.util.UUID;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;

/**
 * The call commands the executors send to call-manager. Long operations (play, talk, digits_receive)
 * return once started; their end comes as {@code call_operation_finished} with the operation id given.
 */
public interface CallCommands {

    /** Answers the call; the call's status afterwards (progressing once answered). */
    CallStatus answer(UUID callId);

    void play(UUID callId, CallRequests.Play request);

    void talk(UUID callId, CallRequests.Talk request);

    void digitsReceive(UUID callId, CallRequests.DigitsReceive request);

    void digitsSend(UUID callId, CallRequests.DigitsSend request);

    void hangup(UUID callId, Call.HangupReason reason);

    void recordStart(UUID callId, CallRequests.RecordStart request);

    void recordStop(UUID callId);

    void transfer(UUID callId, CallRequests.Transfer request);

    /** Originates one call per destination; their ids. */
    List<UUID> dial(CallRequests.Create request);

    /** Bridges the two calls (connect). Route not in call-manager's contract yet: see README. */
    void bridge(UUID callId, UUID peerCallId);

    /** Route not in call-manager's contract yet: see README. */
    void mute(UUID callId, String direction);

    /** Echoes the caller's audio for the duration. Route not in call-manager's contract yet: see README. */
    void echo(UUID callId, int durationMs);
}
