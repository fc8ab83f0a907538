package net.voipbin.contract.agentmanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.callmanager.Address;

/**
 * An agent: who is rung for a queue's calls. {@code addresses} are dialed as {@code ring_method} says (the
 * same {@link Address} call-manager's originate takes); {@code skills} are matched against a queue's required
 * skills. {@code status} with {@code previous_status} (null until the first change), {@code status_reason},
 * {@code tm_status} (when it was entered) and {@code status_until} (when ringing times out or wrap-up ends;
 * null otherwise). {@code reservation_id} and {@code reference_id} name the agent's last reservation and what
 * was offered with it (queue-manager's queuecall); they stay after the offer ended, until the next one.
 */
public record Agent(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        RingMethod ringMethod,
        List<Address> addresses,
        List<AgentSkill> skills,
        AgentStatus status,
        AgentStatus previousStatus,
        AgentStatusReason statusReason,
        Instant tmStatus,
        Instant statusUntil,
        UUID reservationId,
        UUID referenceId,
        AgentStats stats,
        Instant tmCreate,
        Instant tmUpdate) {

    public Agent {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** The agent's level in {@code skill}, 0 without it. */
    public int level(String skill) {
        return skills.stream().filter(s -> s.name().equalsIgnoreCase(skill)).mapToInt(AgentSkill::level).findFirst()
                .orElse(0);
    }
}
