package net.voipbin.agentmanager.agent;

import java.util.List;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;

/** What the customer sets on an agent, validated ({@link AgentValidation}). */
record AgentProfile(String name, String detail, RingMethod ringMethod, List<Address> addresses,
        List<AgentSkill> skills) {
}
