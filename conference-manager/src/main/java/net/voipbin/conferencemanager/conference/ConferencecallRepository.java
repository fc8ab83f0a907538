package net.voipbin.conferencemanager.conference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Participants. Read under the conference's lock wherever a count or a transition depends on them. */
interface ConferencecallRepository extends ListCrudRepository<ConferencecallRow, UUID> {

    @Query("SELECT * FROM conferencecalls WHERE conference_id = :conferenceId AND status <> 'left' ORDER BY tm_create")
    List<ConferencecallRow> live(UUID conferenceId);

    @Query("SELECT * FROM conferencecalls WHERE call_id = :callId AND status <> 'left'")
    List<ConferencecallRow> liveOfCall(UUID callId);

    @Query("SELECT * FROM conferencecalls WHERE conference_id = :conferenceId AND call_id = :callId "
            + "AND status <> 'left'")
    Optional<ConferencecallRow> liveOf(UUID conferenceId, UUID callId);

    /** Participants in the bridge now: joined (or asked to leave) and not left. */
    @Query("SELECT count(*) FROM conferencecalls WHERE conference_id = :conferenceId AND status <> 'left' "
            + "AND tm_join IS NOT NULL")
    int countInBridge(UUID conferenceId);

    /** Participants asked to leave (and in the bridge) whose kick has not shown its effect since {@code before}. */
    @Query("SELECT * FROM conferencecalls WHERE status = 'leaving' AND tm_join IS NOT NULL AND tm_update < :before "
            + "ORDER BY tm_update LIMIT 50")
    List<ConferencecallRow> staleLeaving(Instant before);

    @Query("SELECT * FROM conferencecalls WHERE id = :id AND customer_id = :customerId")
    Optional<ConferencecallRow> findOwned(UUID customerId, UUID id);

    @Query("SELECT * FROM conferencecalls WHERE conference_id = :conferenceId "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<ConferencecallRow> page(UUID conferenceId, Instant after, UUID afterId, int limit);
}
