package net.voipbin.queuemanager.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Queues; every customer-facing read names the customer. */
interface QueueRepository extends ListCrudRepository<QueueEntity, UUID> {

    Optional<QueueEntity> findByIdAndCustomerId(UUID id, UUID customerId);

    @Query("""
            SELECT * FROM queues WHERE customer_id = :customerId
              AND (tm_create, id) < (CAST(:after AS timestamptz), CAST(:afterId AS uuid))
            ORDER BY tm_create DESC, id DESC LIMIT :limit""")
    List<QueueEntity> page(UUID customerId, Instant after, UUID afterId, int limit);
}
