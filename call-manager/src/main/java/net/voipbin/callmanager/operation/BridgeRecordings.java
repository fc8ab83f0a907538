package net.voipbin.callmanager.operation;

import org.springframework.stereotype.Service;

import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.error.ApiException;

/**
 * Recordings another feature makes of a bridge (a confbridge's mixed audio) are kept with the calls' so that
 * Asterisk's {@code RecordingStarted} / {@code RecordingFinished} announce them the same way
 * ({@link OperationEvents}): {@code recording_started}, {@code recording_finished}.
 */
@Service
public class BridgeRecordings {

    private final RecordingRepository recordings;

    BridgeRecordings(RecordingRepository recordings) {
        this.recordings = recordings;
    }

    /**
     * Before the ARI command, so that none of its events can arrive for a recording not known yet. 409
     * {@code recording_exists} for an id used before (Asterisk would refuse the name).
     */
    public void starting(Recording recording) {
        if (!recordings.insert(recording, null)) {
            throw ApiException.conflict("recording_exists", "recording " + recording.id() + " exists already");
        }
    }

    /** Asterisk refused to start it. */
    public void refused(Recording recording) {
        recordings.delete(recording.name());
    }
}
