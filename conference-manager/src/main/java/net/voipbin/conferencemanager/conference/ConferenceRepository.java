package net.voipbin.conferencemanager.conference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Conferences. {@link #lock} serialises every change to one conference and its participants. */
interface ConferenceRepository extends ListCrudRepository<ConferenceRow, UUID> {

    @Query("SELECT * FROM conferences WHERE id = :id FOR UPDATE")
    Optional<ConferenceRow> lock(UUID id);

    /** Terminating conferences nobody is in any more, unchanged since {@code before}: their end was missed. */
    @Query("SELECT id FROM conferences c WHERE status = 'terminating' AND tm_update < :before AND NOT EXISTS "
            + "(SELECT 1 FROM conferencecalls p WHERE p.conference_id = c.id AND p.status <> 'left') LIMIT 50")
    List<UUID> unsettled(Instant before);

    @Query("SELECT * FROM conferences WHERE id = :id AND customer_id = :customerId AND tm_delete IS NULL")
    Optional<ConferenceRow> findOwned(UUID customerId, UUID id);

    /** Up to {@code limit} conferences, newest first, after the keyset position. */
    @Query("SELECT * FROM conferences WHERE customer_id = :customerId AND tm_delete IS NULL "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<ConferenceRow> page(UUID customerId, Instant after, UUID afterId, int limit);
}
