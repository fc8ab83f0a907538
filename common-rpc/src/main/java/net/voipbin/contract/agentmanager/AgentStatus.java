package net.voipbin.contract.agentmanager;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An agent's status and the transitions agent-manager allows between them. The table is here, next to the
 * wire names, so queue-manager reads the same rules agent-manager enforces:
 * <pre>
 * offline   → available, away                (the agent)
 * available → offline, away (the agent); ringing (a reservation)
 * away      → available, offline             (the agent)
 * ringing   → busy (answered), available (missed, released, ring timeout), away (missed too often)
 * busy      → wrap_up, available             (the call ended, with or without wrap-up)
 * wrap_up   → available (wrap-up over, or the agent), away, offline (the agent)
 * </pre>
 * An agent takes one call at a time: only an {@code available} agent can be reserved.
 */
public enum AgentStatus {

    OFFLINE, AVAILABLE, RINGING, BUSY, WRAP_UP, AWAY;

    private static final Map<AgentStatus, Set<AgentStatus>> NEXT = new EnumMap<>(AgentStatus.class);

    static {
        NEXT.put(OFFLINE, EnumSet.of(AVAILABLE, AWAY));
        NEXT.put(AVAILABLE, EnumSet.of(OFFLINE, AWAY, RINGING));
        NEXT.put(AWAY, EnumSet.of(AVAILABLE, OFFLINE));
        NEXT.put(RINGING, EnumSet.of(BUSY, AVAILABLE, AWAY));
        NEXT.put(BUSY, EnumSet.of(WRAP_UP, AVAILABLE));
        NEXT.put(WRAP_UP, EnumSet.of(AVAILABLE, AWAY, OFFLINE));
    }

    /** Whether this status may be followed by {@code next}. */
    public boolean canBecome(AgentStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The statuses this one may be followed by. */
    public Set<AgentStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** The statuses an agent may choose for itself; the others are set by offers and timers. */
    public boolean isSelfService() {
        return this == OFFLINE || this == AVAILABLE || this == AWAY;
    }

    /** The wire name ({@code wrap_up}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
