package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.contract.conferencemanager.ConferenceManagerEvents;
import net.voipbin.rpc.error.ApiException;

/**
 * Recording the conference's mixed audio through its confbridge. {@code recording_id} is the recording in
 * progress (null when none), {@code recording_ids} every one made. call-manager announces the start
 * ({@code confbridge_record_started} with conference_id and recording_id) and the end, however it came
 * (stopped here, the bridge destroyed at the conference's end or because it emptied): {@code recording_finished}
 * naming the conference, which clears {@code recording_id}.
 */
@Service
class ConferenceRecordings {

    private static final Logger log = LoggerFactory.getLogger(ConferenceRecordings.class);

    private final ConferenceRepository conferences;
    private final RecordingIds recordingIds;
    private final Announcements announce;
    private final ConfbridgeClient confbridges;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConferenceRecordings(ConferenceRepository conferences, RecordingIds recordingIds, Announcements announce,
            ConfbridgeClient confbridges, TransactionTemplate tx, Clock clock) {
        this.conferences = conferences;
        this.recordingIds = recordingIds;
        this.announce = announce;
        this.confbridges = confbridges;
        this.tx = tx;
        this.clock = clock;
    }

    /** 409 {@code conference_terminated}, {@code recording_in_progress}, or call-manager's {@code confbridge_empty}. */
    Conference start(UUID customerId, UUID id) {
        ConferenceRow row = owned(customerId, id);
        if (!row.progressing()) {
            throw ApiException.conflict("conference_terminated", "conference " + id + " is " + row.status());
        }
        if (row.recordingId() != null) {
            throw ApiException.conflict("recording_in_progress", "conference " + id + " is recording "
                    + row.recordingId());
        }
        UUID recordingId = UUID.randomUUID();
        confbridges.recordStart(row.confbridgeId(), recordingId, "wav");
        log.info("conference {}: recording {} started", id, recordingId);
        return tx.execute(s -> {
            ConferenceRow locked = conferences.lock(id).orElseThrow();
            recordingIds.append(id, recordingId);
            return announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED,
                    conferences.save(locked.recording(recordingId, clock.instant())));
        });
    }

    /** 409 {@code not_recording}. */
    Conference stop(UUID customerId, UUID id) {
        ConferenceRow row = owned(customerId, id);
        if (row.recordingId() == null) {
            throw ApiException.conflict("not_recording", "conference " + id + " is not recording");
        }
        try {
            confbridges.recordStop(row.confbridgeId(), row.recordingId());
        } catch (ApiException e) {
            // The bridge (and its recording with it) may be gone already: the conference is not recording either way.
            log.info("conference {}: recording stop refused ({} {})", id, e.status(), e.getMessage());
        }
        return tx.execute(s -> announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED,
                conferences.save(conferences.lock(id).orElseThrow().recording(null, clock.instant()))));
    }

    /**
     * call-manager's {@code recording_finished} of one of the conference's recordings. Only the recording in
     * progress is cleared (a late event of an earlier one, or a second delivery, changes nothing), on a
     * conference in any status: one that ended is not recording either.
     */
    void finished(UUID conferenceId, UUID recordingId) {
        tx.executeWithoutResult(s -> conferences.lock(conferenceId)
                .filter(row -> recordingId.equals(row.recordingId()))
                .ifPresent(row -> {
                    log.info("conference {}: recording {} finished", conferenceId, recordingId);
                    announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED,
                            conferences.save(row.recording(null, clock.instant())));
                }));
    }

    private ConferenceRow owned(UUID customerId, UUID id) {
        return conferences.findOwned(customerId, id).orElseThrow(() -> ApiException.notFound("conference " + id));
    }
}
