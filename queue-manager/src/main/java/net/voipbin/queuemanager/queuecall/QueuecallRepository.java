package net.voipbin.queuemanager.queuecall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Queuecalls. The locking reads (the dispatch claim, event handling) are plain SQL in {@link QueuecallLocks}. */
interface QueuecallRepository extends ListCrudRepository<QueuecallEntity, UUID> {

    Optional<QueuecallEntity> findByIdAndCustomerId(UUID id, UUID customerId);

    @Query("""
            SELECT * FROM queuecalls WHERE customer_id = :customerId
              AND (CAST(:queueId AS uuid) IS NULL OR queue_id = :queueId)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (tm_create, id) < (CAST(:after AS timestamptz), CAST(:afterId AS uuid))
            ORDER BY tm_create DESC, id DESC LIMIT :limit""")
    List<QueuecallEntity> page(UUID customerId, UUID queueId, String status, Instant after, UUID afterId, int limit);
}
