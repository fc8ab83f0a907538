package net.voipbin.campaignmanager.outplan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Outplans, soft-deleted: every read leaves deleted ones out. */
interface OutplanRepository extends Repository<OutplanEntity, UUID> {

    OutplanEntity save(OutplanEntity outplan);

    @Query("SELECT * FROM outplans WHERE id = :id AND customer_id = :customerId AND tm_delete IS NULL")
    Optional<OutplanEntity> findLive(UUID id, UUID customerId);

    @Query("SELECT * FROM outplans WHERE id = :id AND tm_delete IS NULL")
    Optional<OutplanEntity> findLive(UUID id);

    @Query("SELECT * FROM outplans WHERE customer_id = :customerId AND tm_delete IS NULL "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<OutplanEntity> page(UUID customerId, Instant after, UUID afterId, int limit);
}
