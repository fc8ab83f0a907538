package net.voipbin.contract.agentmanager;

/** Why an agent's status last changed ({@code status_reason}). */
public enum AgentStatusReason {
    /** The agent was created (offline). */
    CREATED,
    /** The agent (or someone with the customer's token) set it. */
    AGENT,
    /** Reserved for an offer (ringing). */
    RESERVED,
    /** The offer was answered (busy). */
    ANSWERED,
    /** The offer was missed: no answer, busy or declined (available). */
    MISSED,
    /** The offer was missed and the agent reached the consecutive-miss limit (away). */
    MISSED_LIMIT,
    /** Nobody reported on the offer within its ring timeout: counted as a miss. */
    RING_TIMEOUT,
    /** The reservation was withdrawn before the agent answered: the caller left, or another agent answered. */
    RELEASED,
    /** The call ended (wrap_up, or available when there is no wrap-up). */
    ENDED,
    /** Wrap-up time is over (available). */
    WRAP_UP_DONE
}
