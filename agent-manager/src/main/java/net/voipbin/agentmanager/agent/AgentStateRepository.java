package net.voipbin.agentmanager.agent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Agent states. Every change reads the row {@code FOR UPDATE} first, so changes of one agent are applied one
 * after the other and each sees the last (a reservation holds the same lock, taken by {@code offer}'s claim).
 */
interface AgentStateRepository extends ListCrudRepository<AgentStateEntity, UUID> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<AgentStateEntity> findByIdAndCustomerId(UUID id, UUID customerId);

    /** Locked in id order: two transactions locking one reservation's agents take them in the same order. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    List<AgentStateEntity> findByReservationIdAndCustomerIdOrderById(UUID reservationId, UUID customerId);

    /** States of agents already locked by this transaction (the reservation claim). */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    List<AgentStateEntity> findByIdInOrderById(List<UUID> ids);
}
