package net.voipbin.agentmanager.agent;

import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.callmanager.Address;

/** One address of an agent's profile, in ring order (the list index is the {@code position} column). */
@Table("agent_addresses")
record AgentAddressRow(Address.AddressType type, String target) {

    static AgentAddressRow of(Address address) {
        return new AgentAddressRow(address.type(), address.target());
    }

    Address toAddress() {
        return new Address(type, target);
    }
}
