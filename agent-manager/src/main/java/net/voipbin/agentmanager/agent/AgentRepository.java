package net.voipbin.agentmanager.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Agent profiles (with their addresses and skills). Every customer-facing read names the customer. */
interface AgentRepository extends ListCrudRepository<AgentEntity, UUID> {

    Optional<AgentEntity> findByIdAndCustomerId(UUID id, UUID customerId);

    /**
     * Up to {@code limit} agents of the customer after the keyset position, newest first, optionally only those
     * in {@code status} (the enum's name) and having {@code skill}.
     */
    @Query("""
            SELECT a.* FROM agents a JOIN agent_states s ON s.id = a.id
            WHERE a.customer_id = :customerId
              AND (CAST(:status AS text) IS NULL OR s.status = :status)
              AND (CAST(:skill AS text) IS NULL
                   OR EXISTS (SELECT 1 FROM agent_skills k WHERE k.agent_id = a.id AND k.name = :skill))
              AND (a.tm_create, a.id) < (CAST(:after AS timestamptz), CAST(:afterId AS uuid))
            ORDER BY a.tm_create DESC, a.id DESC
            LIMIT :limit""")
    List<AgentEntity> page(UUID customerId, String status, String skill, Instant after, UUID afterId, int limit);
}
