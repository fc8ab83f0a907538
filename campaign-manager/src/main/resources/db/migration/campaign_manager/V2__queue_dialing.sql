-- Dialing for a queue (progressive and predictive modes) and what the dialer learns of each answered call in
-- that queue (queue-manager's queuecall events), from which it measures the abandon rate.
ALTER TABLE campaigns
    ADD COLUMN dialing_mode     text             NOT NULL DEFAULT 'POWER',
    ADD COLUMN dialing_ratio    double precision NOT NULL DEFAULT 1.0,
    ADD COLUMN max_abandon_rate double precision NOT NULL DEFAULT 0.03;

ALTER TABLE campaigncalls
    -- The call joined a queue (its first queuecall's creation), an agent was connected, it left the queue unserved.
    ADD COLUMN tm_queued    timestamptz,
    ADD COLUMN tm_agent     timestamptz,
    ADD COLUMN tm_queue_end timestamptz;

-- The predictive pacer reads a campaign's latest dialled attempts.
CREATE INDEX campaigncalls_by_dial ON campaigncalls (campaign_id, tm_dial DESC) WHERE tm_dial IS NOT NULL;
