package net.voipbin.callmanager.ari;

import org.springframework.stereotype.Component;

import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.operation.OperationEvents;

/** Playback and recording events → the end of the operation that started them. */
@Component
class MediaEventHandler {

    private final OperationEvents operations;
    private final ChannelRepository channels;

    MediaEventHandler(OperationEvents operations, ChannelRepository channels) {
        this.operations = operations;
        this.channels = channels;
    }

    /**
     * A playback that did not finish because the caller hung up is "stopped", not "failed": Asterisk
     * reports it failed after the channel's hangup request, and a flow must not treat that as a media
     * error and send its next command to a call that is going away.
     */
    void playbackFinished(String playbackId, String state, String targetChannelId) {
        boolean hangingUp = !targetChannelId.isEmpty() && channels.hangupCause(targetChannelId).isPresent();
        operations.playbackFinished(playbackId, "done".equals(state), hangingUp);
    }

    void recordingStarted(String name) {
        operations.recordingStarted(name);
    }

    void recordingFinished(String name, int durationSeconds, boolean ok) {
        operations.recordingFinished(name, durationSeconds, ok);
    }
}
