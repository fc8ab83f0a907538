package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.contract.conferencemanager.ConferencecallCreate;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/**
 * Participants asked for: join (flow-manager's {@code conference_join}), kick and mute (REST). Whether a
 * participant is really in the bridge is decided by call-manager's events ({@link ParticipantEvents}).
 */
@Service
public class ParticipantService {

    private static final Logger log = LoggerFactory.getLogger(ParticipantService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final ConferenceRepository conferences;
    private final ConferencecallRepository participants;
    private final ParticipantEvents settle;
    private final Bridges bridges;
    private final TransactionTemplate tx;
    private final Clock clock;

    ParticipantService(ConferenceRepository conferences, ConferencecallRepository participants,
            ParticipantEvents settle, Bridges bridges, TransactionTemplate tx, Clock clock) {
        this.conferences = conferences;
        this.participants = participants;
        this.settle = settle;
        this.bridges = bridges;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records the participant (joining) and asks call-manager to bridge the call. Refused with 404 (unknown,
     * deleted or another customer's conference) or 409 {@code conference_terminated} / {@code conference_full}
     * before anything is asked of call-manager; call-manager's refusal (the call hung up) is passed on and the
     * participant is left {@code failed}. A retried join of a call already in the conference answers its
     * participant.
     */
    Conferencecall join(ConferencecallCreate request) {
        if (request.referenceType() != null && !"call".equals(request.referenceType())) {
            throw ApiException.invalidField("reference_type", "must be call");
        }
        Admission admission = tx.execute(s -> admit(request));
        if (admission.existing()) {
            return admission.participant().toConferencecall();
        }
        ConferencecallRow participant = admission.participant();
        try {
            bridges.join(admission.confbridgeId(), participant.callId(), participant.id(), admission.waiting());
        } catch (ApiException e) {
            log.info("conferencecall {}: call-manager refused the join ({} {})", participant.id(), e.status(),
                    e.getMessage());
            settle.failed(participant.id());
            throw e;
        }
        log.info("conferencecall {}: call {} joining conference {}{}", participant.id(), participant.callId(),
                participant.conferenceId(), admission.waiting() ? ", waiting for a moderator" : "");
        return participant.toConferencecall();
    }

    /** {@code waiting}: a participant of a moderator-gated conference with no moderator in it yet. */
    private record Admission(ConferencecallRow participant, UUID confbridgeId, boolean existing, boolean waiting) {
    }

    private Admission admit(ConferencecallCreate request) {
        ConferenceRow conference = conferences.lock(request.conferenceId())
                .filter(c -> c.customerId().equals(request.customerId()) && c.tmDelete() == null)
                .orElseThrow(() -> ApiException.notFound("conference " + request.conferenceId()));
        var existing = participants.liveOf(conference.id(), request.referenceId());
        if (existing.isPresent()) {
            return new Admission(existing.get(), conference.confbridgeId(), true, false);
        }
        if (!conference.progressing()) {
            throw ApiException.conflict("conference_terminated",
                    "conference " + conference.id() + " is " + conference.status());
        }
        var live = participants.live(conference.id());
        if (conference.maxParticipants() > 0 && live.size() >= conference.maxParticipants()) {
            throw ApiException.conflict("conference_full", "conference " + conference.id() + " is full ("
                    + conference.maxParticipants() + " participants)");
        }
        Conferencecall.Role role = request.role() == null ? Conferencecall.Role.PARTICIPANT : request.role();
        Instant now = clock.instant();
        ConferencecallRow row = participants.save(new ConferencecallRow(UUID.randomUUID(), conference.customerId(),
                conference.id(), request.referenceId(), request.activeflowId(), ConferencecallRow.JOINING,
                role.name().toLowerCase(Locale.ROOT), false, null, null, now, now, null, null));
        boolean waiting = conference.moderatorGated() && role != Conferencecall.Role.MODERATOR
                && live.stream().noneMatch(ModeratorGate::moderatorIn);
        return new Admission(row, conference.confbridgeId(), false, waiting);
    }

    Conferencecall get(UUID customerId, UUID id) {
        return owned(customerId, id).toConferencecall();
    }

    /** Internal (RPC) read: no customer scope. */
    Conferencecall get(UUID id) {
        return participants.findById(id).orElseThrow(() -> ApiException.notFound("conferencecall " + id))
                .toConferencecall();
    }

    Page<Conferencecall> list(UUID customerId, UUID conferenceId, PageQuery page) {
        conferences.findOwned(customerId, conferenceId)
                .orElseThrow(() -> ApiException.notFound("conference " + conferenceId));
        var rows = participants.page(conferenceId, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1);
        return Page.of(rows.stream().map(ConferencecallRow::toConferencecall).toList(), page.pageSize(),
                c -> new PageCursor(c.tmCreate(), c.id()));
    }

    /** Kicks the participant: its flow goes on after {@code conference_join} once it has left. Idempotent. */
    Conferencecall kick(UUID customerId, UUID id) {
        UUID conferenceId = owned(customerId, id).conferenceId();
        ConferencecallRow kicked = tx.execute(s -> {
            conferences.lock(conferenceId);
            ConferencecallRow row = participants.findById(id).orElseThrow();
            if (!ConferencecallRow.JOINING.equals(row.status()) && !ConferencecallRow.JOINED.equals(row.status())) {
                return row;
            }
            return participants.save(row.leaving("kick", clock.instant()));
        });
        if (ConferencecallRow.LEAVING.equals(kicked.status()) && kicked.tmJoin() != null) {
            conferences.findById(conferenceId).ifPresent(c -> bridges.kick(c.confbridgeId(), kicked.callId()));
        }
        log.info("conferencecall {} kicked ({})", id, kicked.status());
        return kicked.toConferencecall();
    }

    Conferencecall mute(UUID customerId, UUID id, boolean muted) {
        ConferencecallRow row = owned(customerId, id);
        if (!row.live()) {
            throw ApiException.conflict("conferencecall_left", "conferencecall " + id + " has left");
        }
        bridges.mute(row.callId(), muted);
        return tx.execute(s -> participants.save(participants.findById(id).orElseThrow().muted(muted, clock.instant())))
                .toConferencecall();
    }

    private ConferencecallRow owned(UUID customerId, UUID id) {
        return participants.findOwned(customerId, id).orElseThrow(() -> ApiException.notFound("conferencecall " + id));
    }
}
