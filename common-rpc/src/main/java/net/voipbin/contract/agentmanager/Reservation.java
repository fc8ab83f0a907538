package net.voipbin.contract.agentmanager;

import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /v1/reservations}: the agents now {@code ringing} for this reservation, in the
 * order to offer them (one, or every one for {@code ring_all}); empty when nobody matching is available.
 * {@code locked_candidates} counts, when nobody was reserved, the matching available agents another
 * transaction held at that instant (another reservation in flight): try again at once rather than wait for
 * an {@code agent_status_updated}.
 */
public record Reservation(
        UUID id,
        UUID customerId,
        ReservationStrategy strategy,
        List<Agent> agents,
        int lockedCandidates) {

    public Reservation {
        agents = agents == null ? List.of() : List.copyOf(agents);
    }
}
