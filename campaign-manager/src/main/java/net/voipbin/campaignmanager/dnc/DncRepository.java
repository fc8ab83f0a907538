package net.voipbin.campaignmanager.dnc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface DncRepository extends Repository<DncEntity, UUID> {

    DncEntity save(DncEntity entry);

    @Query("SELECT * FROM dnc_numbers WHERE id = :id AND customer_id = :customerId")
    Optional<DncEntity> find(UUID id, UUID customerId);

    @Query("SELECT EXISTS (SELECT 1 FROM dnc_numbers WHERE customer_id = :customerId AND number = :number)")
    boolean listed(UUID customerId, String number);

    @Modifying
    @Query("DELETE FROM dnc_numbers WHERE id = :id AND customer_id = :customerId")
    int remove(UUID id, UUID customerId);

    @Query("SELECT * FROM dnc_numbers WHERE customer_id = :customerId AND (:number IS NULL OR number = :number) "
            + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
    List<DncEntity> page(UUID customerId, String number, Instant after, UUID afterId, int limit);
}
