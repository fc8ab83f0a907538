package net.voipbin.outdialmanager.outdial;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Outdials, soft-deleted: every read leaves deleted ones out. */
interface OutdialRepository extends Repository<OutdialEntity, UUID> {

    OutdialEntity save(OutdialEntity outdial);

    @Query("SELECT * FROM outdials WHERE id = :id AND customer_id = :customerId AND tm_delete IS NULL")
    Optional<OutdialEntity> findLive(UUID id, UUID customerId);

    @Query("SELECT * FROM outdials WHERE id = :id AND tm_delete IS NULL")
    Optional<OutdialEntity> findLive(UUID id);

    /** Up to {@code limit} rows newest first, after the keyset position (tm_create, id). */
    @Query("SELECT * FROM outdials WHERE customer_id = :customerId AND tm_delete IS NULL "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<OutdialEntity> page(UUID customerId, Instant after, UUID afterId, int limit);
}
