-- Time spent staffed (available, ringing, busy or wrap_up), up to tm_status: with talk_ms it gives an agent's
-- occupancy, which queue-manager reports per agent.
ALTER TABLE agent_states ADD COLUMN staffed_ms bigint NOT NULL DEFAULT 0;
