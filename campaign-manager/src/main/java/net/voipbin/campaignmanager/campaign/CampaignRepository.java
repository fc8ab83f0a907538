package net.voipbin.campaignmanager.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Campaigns, soft-deleted: every read leaves deleted ones out. */
interface CampaignRepository extends Repository<CampaignEntity, UUID> {

    CampaignEntity save(CampaignEntity campaign);

    @Query("SELECT * FROM campaigns WHERE id = :id AND customer_id = :customerId AND tm_delete IS NULL")
    Optional<CampaignEntity> findLive(UUID id, UUID customerId);

    @Query("SELECT * FROM campaigns WHERE id = :id AND tm_delete IS NULL")
    Optional<CampaignEntity> findLive(UUID id);

    @Query("SELECT * FROM campaigns WHERE customer_id = :customerId AND tm_delete IS NULL "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<CampaignEntity> page(UUID customerId, Instant after, UUID afterId, int limit);
}
