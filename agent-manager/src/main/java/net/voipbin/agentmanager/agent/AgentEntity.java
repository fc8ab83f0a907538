package net.voipbin.agentmanager.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStats;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;

/**
 * An agent's profile, the aggregate the customer edits: name, addresses (in ring order) and skills. Its state
 * lives in {@link AgentStateEntity}. {@code version} makes two concurrent edits of one agent fail instead of
 * one silently overwriting the other.
 */
@Table("agents")
class AgentEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private String name;
    private String detail;
    private RingMethod ringMethod;
    @MappedCollection(idColumn = "agent_id", keyColumn = "position")
    private List<AgentAddressRow> addresses;
    @MappedCollection(idColumn = "agent_id")
    private Set<AgentSkillRow> skills;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;

    @PersistenceCreator
    AgentEntity(UUID id, UUID customerId, String name, String detail, RingMethod ringMethod,
            List<AgentAddressRow> addresses, Set<AgentSkillRow> skills, Long version, Instant tmCreate,
            Instant tmUpdate) {
        this.id = id;
        this.customerId = customerId;
        this.name = name;
        this.detail = detail;
        this.ringMethod = ringMethod;
        this.addresses = addresses;
        this.skills = skills;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
    }

    static AgentEntity create(UUID id, UUID customerId, AgentProfile profile, Instant now) {
        AgentEntity agent = new AgentEntity(id, customerId, null, null, null, List.of(), Set.of(), null, now, now);
        agent.change(profile, now);
        return agent;
    }

    /** Replaces the profile with {@code profile} (already validated). */
    void change(AgentProfile profile, Instant now) {
        name = profile.name();
        detail = profile.detail();
        ringMethod = profile.ringMethod();
        addresses = profile.addresses().stream().map(AgentAddressRow::of).toList();
        skills = new LinkedHashSet<>(profile.skills().stream().map(AgentSkillRow::of).toList());
        tmUpdate = now;
    }

    AgentProfile profile() {
        return new AgentProfile(name, detail, ringMethod, addresses.stream().map(AgentAddressRow::toAddress).toList(),
                skills.stream().map(AgentSkillRow::toSkill).toList());
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    Instant tmCreate() {
        return tmCreate;
    }

    /** The contract record: this profile with {@code state}. Skills are listed by name. */
    Agent toAgent(AgentStateEntity state) {
        List<Address> ring = addresses.stream().map(AgentAddressRow::toAddress).toList();
        List<AgentSkill> sorted = skills.stream().map(AgentSkillRow::toSkill)
                .sorted(Comparator.comparing(AgentSkill::name)).toList();
        AgentStats stats = state.stats();
        return new Agent(id, customerId, name, detail, ringMethod, ring, sorted, state.status(),
                state.previousStatus(), state.statusReason(), state.tmStatus(), state.statusUntil(),
                state.reservationId(), state.referenceId(), stats, tmCreate, tmUpdate);
    }
}
