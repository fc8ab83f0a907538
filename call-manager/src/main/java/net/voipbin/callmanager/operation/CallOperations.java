package net.voipbin.callmanager.operation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.contract.callmanager.CallOperationFinished.Operation;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.error.ApiException;

/**
 * What the flow does to a live call, each turned into ARI commands. play, talk, digits_receive and
 * record_start return at once; their end comes as {@code call_operation_finished}.
 */
@Service
public class CallOperations {

    private final CallService calls;
    private final AriCommands ari;
    private final OperationRepository operations;
    private final RecordingRepository recordings;
    private final OperationEvents operationEvents;
    private final TextToSpeech tts;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    CallOperations(CallService calls, AriCommands ari, OperationRepository operations, RecordingRepository recordings,
            OperationEvents operationEvents, TextToSpeech tts, ScheduledExecutorService callTimers, Clock clock) {
        this.calls = calls;
        this.ari = ari;
        this.operations = operations;
        this.recordings = recordings;
        this.operationEvents = operationEvents;
        this.tts = tts;
        this.timers = callTimers;
        this.clock = clock;
    }

    public CallRow answer(UUID id) {
        CallRow call = calls.live(id);
        ari.answer(call.asteriskId(), call.channelId());
        return call;
    }

    public CallRow play(UUID id, CallRequests.Play request) {
        List<String> media = new ArrayList<>();
        for (int i = 0; i < (request.loop() == null ? 1 : request.loop()); i++) {
            media.addAll(request.media());
        }
        return playback(calls.live(id), String.join(",", media), request.operationId(), Operation.PLAY,
                request.stopsOnDigit());
    }

    public CallRow talk(UUID id, CallRequests.Talk request) {
        CallRow call = calls.live(id);
        return playback(call, tts.media(request.text(), request.language()), request.operationId(), Operation.TALK,
                request.stopsOnDigit());
    }

    private CallRow playback(CallRow call, String media, String operationId, Operation kind, boolean bargeIn) {
        String playbackId = UUID.randomUUID().toString();
        operations.insert(playbackId, call.id(), operationId, kind, bargeIn);
        try {
            ari.play(call.asteriskId(), call.channelId(), playbackId, media);
        } catch (RuntimeException e) {
            operations.take(playbackId);
            throw e;
        }
        return call;
    }

    /**
     * Collects digits until max length, the terminator or the timeout, whichever comes first; digits the
     * caller typed ahead (during the prompt, or before) count first, so a caller who knows the menu is
     * not made to wait.
     */
    public CallRow digitsReceive(UUID id, CallRequests.DigitsReceive request) {
        CallRow call = calls.live(id);
        operations.startCollection(call.id(), request.operationId(), request.maxLength(), request.terminator(),
                clock.instant().plusMillis(request.timeoutMs()));
        operationEvents.typedAhead(call);
        timers.schedule(() -> operationEvents.collectionTimedOut(call.id(), request.operationId()),
                request.timeoutMs(), TimeUnit.MILLISECONDS);
        return call;
    }

    public CallRow digitsSend(UUID id, CallRequests.DigitsSend request) {
        CallRow call = calls.live(id);
        ari.send(call.asteriskId(), "POST", "/channels/" + call.channelId() + "/dtmf",
                AriCommands.query("dtmf", request.digits()));
        return call;
    }

    public CallRow recordStart(UUID id, CallRequests.RecordStart request) {
        CallRow call = calls.live(id);
        String format = request.format() == null || request.format().isBlank() ? "wav" : request.format();
        UUID recordingId = UUID.randomUUID();
        recordings.insert(new Recording(recordingId, call.customerId(), call.id(), recordingId.toString(), format,
                Recording.Status.RECORDING, 0, clock.instant(), null), request.operationId());
        ari.send(call.asteriskId(), "POST", "/channels/" + call.channelId() + "/record",
                AriCommands.query("name", recordingId.toString(), "format", format, "maxDurationSeconds",
                        request.maxDurationSeconds() == null ? null : request.maxDurationSeconds().toString(),
                        "ifExists", "fail"));
        return call;
    }

    public CallRow recordStop(UUID id) {
        CallRow call = calls.live(id);
        RecordingRepository.Row live = operationEvents.liveRecording(call.id())
                .orElseThrow(() -> ApiException.conflict("not_recording", "call " + id + " is not being recorded"));
        ari.send(call.asteriskId(), "POST", "/recordings/live/" + live.recording().name() + "/stop",
                AriCommands.query());
        return call;
    }

    /** hold / unhold: POST to start, DELETE to stop. */
    public CallRow hold(UUID id, boolean on) {
        CallRow call = calls.live(id);
        ari.send(call.asteriskId(), on ? "POST" : "DELETE", "/channels/" + call.channelId() + "/hold", AriCommands.query());
        return call;
    }

    /** mute / unmute one direction ({@code in} what the caller says, {@code out} what the caller hears) or both. */
    public CallRow mute(UUID id, String direction, boolean on) {
        String d = direction == null || direction.isBlank() ? "both" : direction;
        if (!List.of("in", "out", "both").contains(d)) {
            throw ApiException.invalidField("direction", "must be in, out or both");
        }
        CallRow call = calls.live(id);
        ari.send(call.asteriskId(), on ? "POST" : "DELETE", "/channels/" + call.channelId() + "/mute",
                AriCommands.query("direction", d));
        return call;
    }
}
