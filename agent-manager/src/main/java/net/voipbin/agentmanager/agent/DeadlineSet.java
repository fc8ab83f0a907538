package net.voipbin.agentmanager.agent;

import java.time.Instant;
import java.util.UUID;

/**
 * A status change committed with a deadline (ringing times out, wrap-up ends): published as an application
 * event after the commit so this instance can wake up at that moment. The deadline itself is the agent's
 * {@code status_until} column; this is only a shortcut around the periodic sweep.
 */
public record DeadlineSet(UUID agentId, Instant at) {
}
