package net.voipbin.callmanager.ari;

import org.springframework.stereotype.Component;

import net.voipbin.callmanager.operation.OperationEvents;

/** Playback and recording events → the end of the operation that started them. */
@Component
class MediaEventHandler {

    private final OperationEvents operations;

    MediaEventHandler(OperationEvents operations) {
        this.operations = operations;
    }

    void playbackFinished(String playbackId, String state) {
        operations.playbackFinished(playbackId, "done".equals(state));
    }

    void recordingStarted(String name) {
        operations.recordingStarted(name);
    }

    void recordingFinished(String name, int durationSeconds, boolean ok) {
        operations.recordingFinished(name, durationSeconds, ok);
    }
}
