package net.voipbin.contract.agentmanager;

/**
 * agent-manager's event types (routing key {@code agent-manager.<type>}); every one carries the {@link Agent}
 * after the change. {@code agent_status_updated} is published in the transaction of every status change (the
 * outbox), with {@code previous_status} and {@code status_reason} set: queue-manager dispatches on
 * {@code status = available} without asking agent-manager anything.
 */
public final class AgentManagerEvents {

    public static final String PUBLISHER = "agent-manager";

    public static final String AGENT_CREATED = "agent_created";
    public static final String AGENT_UPDATED = "agent_updated";
    public static final String AGENT_DELETED = "agent_deleted";
    public static final String AGENT_STATUS_UPDATED = "agent_status_updated";

    private AgentManagerEvents() {
    }
}
