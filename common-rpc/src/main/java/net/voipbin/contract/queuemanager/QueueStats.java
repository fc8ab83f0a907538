package net.voipbin.contract.queuemanager;

import java.util.UUID;

/**
 * A queue's figures since it was created: callers {@code waiting} now (offering included) and the
 * {@code longest_wait_ms} among them; ended queuecalls by outcome ({@code served} = connected to an agent,
 * {@code abandoned}, {@code timed_out}, {@code kicked} = taken out of the line by the customer); average wait of
 * the served and average talk; the share of served callers answered within {@code service_level_seconds} among
 * all ended ones but the kicked (the customer's decision, not the caller's experience; percent, 100 with none).
 */
public record QueueStats(
        UUID queueId,
        long waiting,
        long longestWaitMs,
        long served,
        long abandoned,
        long timedOut,
        long kicked,
        long averageWaitMs,
        long averageTalkMs,
        int serviceLevelSeconds,
        double serviceLevelPercent) {
}
