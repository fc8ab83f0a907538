-- An agent is two aggregates sharing the id: the profile (agents, with its addresses and skills), which the
-- customer edits, and the state (agent_states), which every offer changes. Reservations lock only the state
-- row (FOR UPDATE SKIP LOCKED), so a profile edit never makes a reserver skip an available agent, and a status
-- change writes one narrow row instead of the whole aggregate.
CREATE TABLE agents (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    name        text        NOT NULL,
    detail      text        NOT NULL,
    ring_method text        NOT NULL,
    version     bigint      NOT NULL,
    tm_create   timestamptz NOT NULL,
    tm_update   timestamptz NOT NULL
);
CREATE INDEX agents_customer_page ON agents (customer_id, tm_create DESC, id DESC);

CREATE TABLE agent_addresses (
    agent_id uuid    NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    position integer NOT NULL,
    type     text    NOT NULL,
    target   text    NOT NULL,
    PRIMARY KEY (agent_id, position)
);

CREATE TABLE agent_skills (
    agent_id uuid    NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    name     text    NOT NULL,
    level    integer NOT NULL CHECK (level BETWEEN 1 AND 100),
    PRIMARY KEY (agent_id, name)
);
CREATE INDEX agent_skills_by_name ON agent_skills (name, level);

CREATE TABLE agent_states (
    id                  uuid PRIMARY KEY REFERENCES agents (id) ON DELETE CASCADE,
    customer_id         uuid        NOT NULL,
    status              text        NOT NULL,
    previous_status     text,
    status_reason       text        NOT NULL,
    tm_status           timestamptz NOT NULL,
    -- The durable deadline of a timed status: ringing times out (a miss), wrap_up ends (available). Claimed
    -- with FOR UPDATE SKIP LOCKED by any instance, so it outlives a restart.
    status_until        timestamptz,
    reservation_id      uuid,
    reference_id        uuid,
    reservation_outcome text,
    offered             bigint      NOT NULL,
    answered            bigint      NOT NULL,
    missed              bigint      NOT NULL,
    consecutive_misses  integer     NOT NULL,
    talk_ms             bigint      NOT NULL,
    tm_last_offered     timestamptz,
    tm_last_answered    timestamptz,
    tm_last_ended       timestamptz,
    version             bigint      NOT NULL
);
CREATE INDEX agent_states_available ON agent_states (customer_id) WHERE status = 'AVAILABLE';
CREATE INDEX agent_states_due ON agent_states (status_until) WHERE status_until IS NOT NULL;
CREATE INDEX agent_states_reservation ON agent_states (reservation_id) WHERE reservation_id IS NOT NULL;
