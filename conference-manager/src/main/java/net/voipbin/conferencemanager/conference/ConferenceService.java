package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.contract.conferencemanager.ConferenceManagerEvents;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A customer's conferences: create, read, change, stop, delete. */
@Service
public class ConferenceService {

    private static final Logger log = LoggerFactory.getLogger(ConferenceService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final ConferenceRepository conferences;
    private final ConferenceTimeouts timeouts;
    private final ConferenceLifecycle lifecycle;
    private final Announcements announce;
    private final Bridges bridges;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConferenceService(ConferenceRepository conferences, ConferenceTimeouts timeouts, ConferenceLifecycle lifecycle,
            Announcements announce, Bridges bridges, TransactionTemplate tx, Clock clock) {
        this.conferences = conferences;
        this.timeouts = timeouts;
        this.lifecycle = lifecycle;
        this.announce = announce;
        this.bridges = bridges;
        this.tx = tx;
        this.clock = clock;
    }

    /** The confbridge is made first (call-manager must be up): a conference always has its room. */
    Conference create(UUID customerId, ConferenceRequests.Create request) {
        Conference.Type type = request.type() == null ? Conference.Type.CONFERENCE : request.type();
        String name = ConferenceChecks.name(request.name());
        String detail = ConferenceChecks.detail(request.detail());
        int timeout = ConferenceChecks.timeout(request.timeout());
        int max = ConferenceChecks.maxParticipants(request.maxParticipants(), type == Conference.Type.CONNECT);
        UUID id = UUID.randomUUID();
        UUID confbridge = bridges.create(customerId, type, id);
        Conference created = tx.execute(s -> {
            Instant now = clock.instant();
            ConferenceRow row = conferences.save(new ConferenceRow(id, customerId, type.name().toLowerCase(Locale.ROOT),
                    name, detail, ConferenceRow.PROGRESSING, timeout, request.preFlowId(), request.postFlowId(), max,
                    null, confbridge, Boolean.TRUE.equals(request.entryExitBeep()),
                    Boolean.TRUE.equals(request.onlyPersonPrompt()), Boolean.TRUE.equals(request.moderatorGated()),
                    Boolean.TRUE.equals(request.endWhenModeratorsLeave()), null, now, now, null, null));
            if (timeout > 0) {
                timeouts.set(id, row.tmCreate().plusSeconds(timeout));
            }
            return announce.conference(ConferenceManagerEvents.CONFERENCE_CREATED, row);
        });
        log.info("conference {} ({}) created for customer {}, timeout {} s, confbridge {}", id, type, customerId,
                timeout, confbridge);
        return created;
    }

    Conference get(UUID customerId, UUID id) {
        return announce.view(owned(customerId, id));
    }

    /** Internal (RPC) read: no customer scope. */
    Conference get(UUID id) {
        return conferences.findById(id).filter(c -> c.tmDelete() == null).map(announce::view)
                .orElseThrow(() -> ApiException.notFound("conference " + id));
    }

    Page<Conference> list(UUID customerId, PageQuery page) {
        var rows = conferences.page(customerId, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1);
        return Page.of(rows.stream().map(announce::view).toList(), page.pageSize(),
                c -> new PageCursor(c.tmCreate(), c.id()));
    }

    /**
     * Changes what is given. A new {@code timeout} replaces the one deadline (tm_create + timeout; 0 removes
     * it; one already past ends the conference at the sweeper's next look). A conference that has ended
     * cannot be changed (409 {@code conference_terminated}).
     */
    Conference update(UUID customerId, UUID id, ConferenceRequests.Update request) {
        owned(customerId, id);
        return tx.execute(s -> {
            ConferenceRow old = conferences.lock(id).orElseThrow();
            if (!old.progressing()) {
                throw ApiException.conflict("conference_terminated", "conference " + id + " is " + old.status());
            }
            int timeout = request.timeout() == null ? old.timeout() : ConferenceChecks.timeout(request.timeout());
            ConferenceRow row = conferences.save(new ConferenceRow(id, customerId, old.type(),
                    request.name() == null ? old.name() : ConferenceChecks.name(request.name()),
                    request.detail() == null ? old.detail() : ConferenceChecks.detail(request.detail()),
                    old.status(), timeout, request.preFlowId() == null ? old.preFlowId() : request.preFlowId(),
                    request.postFlowId() == null ? old.postFlowId() : request.postFlowId(),
                    request.maxParticipants() == null ? old.maxParticipants() : ConferenceChecks.maxParticipants(
                            request.maxParticipants(), old.typeEnum() == Conference.Type.CONNECT),
                    old.recordingId(), old.confbridgeId(),
                    request.entryExitBeep() == null ? old.entryExitBeep() : request.entryExitBeep(),
                    request.onlyPersonPrompt() == null ? old.onlyPersonPrompt() : request.onlyPersonPrompt(),
                    request.moderatorGated() == null ? old.moderatorGated() : request.moderatorGated(),
                    request.endWhenModeratorsLeave() == null ? old.endWhenModeratorsLeave()
                            : request.endWhenModeratorsLeave(),
                    old.version(), old.tmCreate(), clock.instant(), old.tmEnd(), null));
            if (timeout > 0) {
                timeouts.set(id, row.tmCreate().plusSeconds(timeout));
            } else {
                timeouts.clear(id);
            }
            log.info("conference {} updated, timeout {} s", id, timeout);
            return announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED, row);
        });
    }

    /** Every participant is kicked; the conference ends when the last has left (at once when empty). */
    Conference stop(UUID customerId, UUID id) {
        owned(customerId, id);
        lifecycle.stop(id, "stop");
        return get(customerId, id);
    }

    /** Stops the conference and hides it; it still ends as a stopped one does. */
    void delete(UUID customerId, UUID id) {
        owned(customerId, id);
        lifecycle.stop(id, "stop");
        tx.executeWithoutResult(s -> conferences.lock(id).filter(c -> c.tmDelete() == null).ifPresent(row -> {
            ConferenceRow deleted = conferences.save(row.deleted(clock.instant()));
            announce.conference(ConferenceManagerEvents.CONFERENCE_DELETED, deleted);
        }));
        log.info("conference {} of customer {} deleted", id, customerId);
    }

    private ConferenceRow owned(UUID customerId, UUID id) {
        return conferences.findOwned(customerId, id).orElseThrow(() -> ApiException.notFound("conference " + id));
    }
}
