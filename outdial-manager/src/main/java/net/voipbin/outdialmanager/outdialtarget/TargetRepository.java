package net.voipbin.outdialmanager.outdialtarget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Targets one at a time, soft-deleted: every read leaves deleted ones out. */
interface TargetRepository extends Repository<OutdialTargetEntity, UUID> {

    OutdialTargetEntity save(OutdialTargetEntity target);

    @Query("SELECT * FROM outdialtargets WHERE id = :id AND outdial_id = :outdialId AND customer_id = :customerId "
            + "AND tm_delete IS NULL")
    Optional<OutdialTargetEntity> findOwned(UUID id, UUID outdialId, UUID customerId);

    /** As {@link #findOwned}, locked: an edit and a claim never interleave (the claim skips it). */
    @Query("SELECT * FROM outdialtargets WHERE id = :id AND outdial_id = :outdialId AND customer_id = :customerId "
            + "AND tm_delete IS NULL FOR UPDATE")
    Optional<OutdialTargetEntity> lockOwned(UUID id, UUID outdialId, UUID customerId);

    @Query("SELECT * FROM outdialtargets WHERE id = :id AND tm_delete IS NULL")
    Optional<OutdialTargetEntity> findLive(UUID id);

    @Query("SELECT * FROM outdialtargets WHERE id = :id AND tm_delete IS NULL FOR UPDATE")
    Optional<OutdialTargetEntity> lock(UUID id);

    /** Up to {@code limit} rows newest first after the keyset position; {@code status} null = any. */
    @Query("SELECT * FROM outdialtargets WHERE outdial_id = :outdialId AND tm_delete IS NULL "
            + "AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text)) "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<OutdialTargetEntity> page(UUID outdialId, String status, Instant after, UUID afterId, int limit);
}
