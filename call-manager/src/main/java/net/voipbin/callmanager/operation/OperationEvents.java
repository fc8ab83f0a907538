package net.voipbin.callmanager.operation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.contract.callmanager.CallDtmfReceived;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.callmanager.CallOperationFinished.Operation;
import net.voipbin.contract.callmanager.CallOperationFinished.Result;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.event.EventPublisher;

/**
 * How long operations end, as ARI reports it: {@code call_operation_finished} with the caller's
 * operation id (playback done/failed, digits complete or timed out, recording finished), every DTMF
 * digit as {@code call_dtmf_received}, recordings as {@code recording_*}.
 */
@Service
public class OperationEvents implements net.voipbin.callmanager.call.TimeoutSweeper.SweepTask {

    private static final Logger log = LoggerFactory.getLogger(OperationEvents.class);

    private final OperationRepository operations;
    private final RecordingRepository recordings;
    private final CallRepository calls;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final AriCommands ari;

    OperationEvents(OperationRepository operations, RecordingRepository recordings, CallRepository calls,
            EventPublisher events, TransactionTemplate tx, AriCommands ari) {
        this.ari = ari;
        this.operations = operations;
        this.recordings = recordings;
        this.calls = calls;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Every digit is announced; a running collection takes it and may complete, otherwise it is typed
     * ahead for the next one. It stops the prompts playing with barge-in (after the commit: Asterisk's
     * answer is no part of the change).
     */
    public void digit(CallRow call, String digit, int durationMs) {
        List<String> barged = tx.execute(status -> {
            operations.recordDigit(call.id(), digit, durationMs);
            events.publish(CallManagerEvents.CALL_DTMF_RECEIVED,
                    new CallDtmfReceived(call.id(), call.customerId(), call.activeflowId(), digit, durationMs));
            operations.lockCollection(call.id()).ifPresentOrElse(c -> collect(call, c, digit),
                    () -> operations.typeAhead(call.id(), digit));
            return operations.bargeInPlaybacks(call.id());
        });
        stop(call, barged, "barge-in");
    }

    /**
     * The flow that started the call's prompts and digit collection controls it no more (a completed transfer:
     * the caller talks with the target now). They end without a word to any flow, its typed-ahead digits are
     * dropped, and Asterisk stops the prompts (after the commit), so the old flow plays nothing into the
     * conversation.
     */
    public void abandon(CallRow call) {
        List<String> prompts = tx.execute(status -> {
            operations.endCollection(call.id());
            operations.takeTypedAhead(call.id());
            return operations.takePrompts(call.id());
        });
        stop(call, prompts, "its flow's control ended");
    }

    private void stop(CallRow call, List<String> playbackIds, String why) {
        for (String playbackId : playbackIds) {
            try {
                ari.stopPlayback(call.asteriskId(), playbackId);
            } catch (RuntimeException e) {
                // Finished on its own meanwhile (404), or Asterisk is away: the prompt plays out.
                log.info("call {}: {}: could not stop playback {}: {}", call.id(), why, playbackId, e.getMessage());
            }
        }
    }

    /** A collection just started: the digits typed ahead go into it, and may complete it at once. */
    void typedAhead(CallRow call) {
        tx.executeWithoutResult(status -> {
            String digits = operations.takeTypedAhead(call.id());
            for (int i = 0; i < digits.length(); i++) {
                String digit = digits.substring(i, i + 1);
                operations.lockCollection(call.id()).ifPresentOrElse(c -> collect(call, c, digit),
                        () -> operations.typeAhead(call.id(), digit));
            }
        });
    }

    private void collect(CallRow call, OperationRepository.Collection c, String digit) {
        if (!c.terminator().isEmpty() && c.terminator().equals(digit)) {
            operations.endCollection(call.id());
            finished(call, c.operationId(), Operation.DIGITS_RECEIVE, Result.DONE, c.digits());
            return;
        }
        String digits = c.digits() + digit;
        if (digits.length() >= c.maxLength()) {
            operations.endCollection(call.id());
            finished(call, c.operationId(), Operation.DIGITS_RECEIVE, Result.DONE, digits);
        } else {
            operations.saveDigits(call.id(), digits);
        }
    }

    /** The collection's time ran out (unless it completed first): timeout with what arrived. */
    void collectionTimedOut(UUID callId, String operationId) {
        tx.executeWithoutResult(status -> operations.takeCollection(callId, operationId).ifPresent(digits ->
                calls.find(callId).ifPresent(call ->
                        finished(call, operationId, Operation.DIGITS_RECEIVE, Result.TIMEOUT, digits))));
    }

    /** Collections whose timer was lost (restart) end when the sweep finds them overdue. */
    @Override
    public void sweep() {
        operations.overdueCollections().forEach(c -> collectionTimedOut(c.callId(), c.operationId()));
    }

    /** {@code hangingUp}: the far end asked to hang up the channel, so an unfinished playback was cut short. */
    public void playbackFinished(String playbackId, boolean done, boolean hangingUp) {
        tx.executeWithoutResult(status -> operations.take(playbackId).ifPresent(op ->
                calls.find(op.callId()).ifPresent(call -> {
                    Result result = done ? Result.DONE : hangingUp || ending(call) ? Result.STOPPED : Result.FAILED;
                    finished(call, op.operationId(), op.kind(), result, null);
                })));
    }

    public void recordingStarted(String name) {
        recordings.find(name).ifPresent(row -> events.publish(CallManagerEvents.RECORDING_STARTED, row.recording()));
    }

    public void recordingFinished(String name, int durationSeconds, boolean ok) {
        tx.executeWithoutResult(status -> recordings.finish(name, ok ? Recording.Status.DONE : Recording.Status.FAILED,
                durationSeconds).ifPresent(row -> {
                    events.publish(CallManagerEvents.RECORDING_FINISHED, row.recording());
                    if (row.operationId() != null) {
                        calls.find(row.recording().callId()).ifPresent(call -> finished(call, row.operationId(),
                                Operation.RECORD, ok ? Result.DONE : Result.FAILED, null));
                    }
                }));
    }

    /** The call is over: nothing it started can finish any more. */
    public void callEnded(CallRow call) {
        operations.deleteForCall(call.id());
    }

    private static boolean ending(CallRow call) {
        return call.status() != CallStatus.PROGRESSING && call.status() != CallStatus.RINGING
                && call.status() != CallStatus.DIALING;
    }

    private void finished(CallRow call, String operationId, Operation kind, Result result, String digits) {
        log.info("call {}: {} {} finished {} {}", call.id(), kind, operationId, result, digits == null ? "" : digits);
        events.publish(CallManagerEvents.CALL_OPERATION_FINISHED, new CallOperationFinished(call.id(), call.customerId(),
                call.activeflowId(), operationId, kind, result, digits));
    }

    /** Every digit the call received so far, in order. */
    public String receivedDigits(UUID callId) {
        return operations.digits(callId);
    }

    Optional<RecordingRepository.Row> liveRecording(UUID callId) {
        return recordings.live(callId);
    }
}
