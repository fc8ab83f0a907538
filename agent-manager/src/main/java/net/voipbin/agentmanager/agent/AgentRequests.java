package net.voipbin.agentmanager.agent;

import java.util.List;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;

/** REST bodies of {@code /v1.0/agents}; validated by {@link AgentValidation}. */
final class AgentRequests {

    private AgentRequests() {
    }

    /** {@code ring_method} defaults to ringall; {@code skills} to none. */
    record Create(String name, String detail, RingMethod ringMethod, List<Address> addresses, List<AgentSkill> skills) {
    }

    /** Absent fields stay as they are; {@code skills} and {@code addresses}, when given, replace the lists. */
    record Update(String name, String detail, RingMethod ringMethod, List<Address> addresses, List<AgentSkill> skills) {
    }

    /** {@code PUT /v1.0/agents/<id>/status}: offline, available or away. */
    record StatusChange(AgentStatus status) {
    }
}
