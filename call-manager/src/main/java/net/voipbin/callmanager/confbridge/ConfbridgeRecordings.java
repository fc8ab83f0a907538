package net.voipbin.callmanager.confbridge;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.operation.BridgeRecordings;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeRecording;
import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * What the room's bridge itself plays or records: its mixed audio recorded (ARI bridge recording, named by the
 * caller's recording id), music on hold into it. A room without a bridge (nobody has joined yet, or it
 * emptied) has nothing to record or play to: 409 {@code confbridge_empty}. The recording ends however the
 * bridge's does (stopped, the bridge destroyed with the room or because it emptied): Asterisk's
 * {@code RecordingFinished} then gives {@code recording_finished} naming the room and its conference.
 */
@Service
class ConfbridgeRecordings {

    private static final Logger log = LoggerFactory.getLogger(ConfbridgeRecordings.class);

    private final ConfbridgeService confbridges;
    private final AriCommands ari;
    private final EventPublisher events;
    private final BridgeRecordings recordings;
    private final Clock clock;

    ConfbridgeRecordings(ConfbridgeService confbridges, AriCommands ari, EventPublisher events,
            BridgeRecordings recordings, Clock clock) {
        this.confbridges = confbridges;
        this.ari = ari;
        this.events = events;
        this.recordings = recordings;
        this.clock = clock;
    }

    Confbridge start(UUID id, UUID recordingId, String format) {
        Confbridge room = bridged(id);
        String fileFormat = format == null ? "wav" : format;
        Recording recording = new Recording(recordingId, room.customerId(), null, recordingId.toString(), fileFormat,
                Recording.Status.RECORDING, 0, clock.instant(), null, id, room.conferenceId());
        recordings.starting(recording);
        try {
            ari.send(room.asteriskId(), "POST", "/bridges/" + room.bridgeId() + "/record",
                    AriCommands.query("name", recordingId.toString(), "format", fileFormat, "ifExists", "fail"));
        } catch (ApiException e) {
            // Refused by Asterisk (4xx): it records nothing. A timeout may have started it: its events still count.
            if (e.status() < 500) {
                recordings.refused(recording);
            }
            throw e;
        }
        events.publish(CallManagerEvents.CONFBRIDGE_RECORD_STARTED,
                new ConfbridgeRecording(id, room.conferenceId(), room.customerId(), recordingId, fileFormat));
        log.info("confbridge {}: recording {} started", id, recordingId);
        return room;
    }

    Confbridge stop(UUID id, UUID recordingId) {
        Confbridge room = bridged(id);
        ari.send(room.asteriskId(), "POST", "/recordings/live/" + recordingId + "/stop", AriCommands.query());
        log.info("confbridge {}: recording {} stopped", id, recordingId);
        return room;
    }

    /** Music on hold into the room's bridge (a conference waiting for its moderator), or its end. */
    Confbridge music(UUID id, boolean on) {
        Confbridge room = bridged(id);
        ari.send(room.asteriskId(), on ? "POST" : "DELETE", "/bridges/" + room.bridgeId() + "/moh",
                on ? AriCommands.query("mohClass", "default") : AriCommands.query());
        log.info("confbridge {}: music on hold {}", id, on ? "on" : "off");
        return room;
    }

    private Confbridge bridged(UUID id) {
        Confbridge room = confbridges.get(id);
        if (room.status() != Confbridge.Status.ACTIVE) {
            throw ApiException.conflict("confbridge_terminated", "confbridge " + id + " is terminated");
        }
        if (room.asteriskId() == null) {
            throw ApiException.conflict("confbridge_empty", "confbridge " + id + " has nobody in it to record");
        }
        return room;
    }
}
