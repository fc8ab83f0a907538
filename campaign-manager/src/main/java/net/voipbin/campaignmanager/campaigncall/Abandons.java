package net.voipbin.campaignmanager.campaigncall;

/**
 * When an answered call counts as abandoned: it was put in a queue and no agent took it within 2 s of the answer
 * (the regulators' rule a predictive dialer is held to), either late or never: the caller hung up or left the
 * queue first, or is still waiting past the 2 s. The clock runs from the answer, not the queue join, so a flow
 * that plays a message before {@code queue_join} spends the caller's 2 s on it. A call whose flow never joins a
 * queue is not counted. SQL on {@code campaigncalls}, with the parameter {@code :now}.
 */
public final class Abandons {

    public static final String CONDITION = "(tm_answer IS NOT NULL AND tm_queued IS NOT NULL AND ("
            + "tm_agent > tm_answer + interval '2 seconds' OR (tm_agent IS NULL AND (tm_queue_end IS NOT NULL "
            + "OR tm_end IS NOT NULL OR tm_answer < CAST(:now AS timestamptz) - interval '2 seconds'))))";

    private Abandons() {
    }
}
