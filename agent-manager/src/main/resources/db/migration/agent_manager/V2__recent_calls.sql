-- least_calls ranks agents by their recent answered calls, not their lifetime count: with a lifetime count an
-- agent who joins the team (0 calls) would take every call until catching up with colleagues who have
-- thousands. recent_calls is a count decayed by a half-life, as of tm_recent_calls: O(1) per answer, no log.
ALTER TABLE agent_states ADD COLUMN recent_calls double precision NOT NULL DEFAULT 0;
ALTER TABLE agent_states ADD COLUMN tm_recent_calls timestamptz;
