-- A queue's settings (the aggregate the customer edits, optimistic version) with its required skills. The
-- round-robin cursor lives in its own row (queue_cursors) so that dispatch never conflicts with an edit.
CREATE TABLE queues (
    id                            uuid PRIMARY KEY,
    customer_id                   uuid        NOT NULL,
    name                          text        NOT NULL,
    detail                        text        NOT NULL,
    strategy                      text        NOT NULL,
    agent_order                   uuid[]      NOT NULL,
    ring_timeout_seconds          integer     NOT NULL,
    wait_timeout_seconds          integer     NOT NULL,
    service_timeout_seconds       integer     NOT NULL,
    wait_media                    text[]      NOT NULL,
    announcement_interval_seconds integer     NOT NULL,
    position_announcement         text        NOT NULL,
    max_waiting_calls             integer     NOT NULL,
    overflow_type                 text        NOT NULL,
    overflow_queue_id             uuid,
    overflow_flow_id              uuid,
    wrap_up_seconds               integer     NOT NULL,
    away_after_misses             integer     NOT NULL,
    priority_variable             text        NOT NULL,
    service_level_seconds         integer     NOT NULL,
    version                       bigint      NOT NULL,
    tm_create                     timestamptz NOT NULL,
    tm_update                     timestamptz NOT NULL
);
CREATE INDEX queues_customer_page ON queues (customer_id, tm_create DESC, id DESC);

CREATE TABLE queue_skills (
    queue_id uuid    NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    name     text    NOT NULL,
    level    integer NOT NULL CHECK (level BETWEEN 1 AND 100),
    PRIMARY KEY (queue_id, name)
);

-- round_robin(_ordered): the agent the queue was given last (agent-manager continues after it).
CREATE TABLE queue_cursors (
    queue_id uuid PRIMARY KEY,
    agent_id uuid NOT NULL
);

-- One caller in a queue. Kept after the queue is deleted (statistics, the flow's reference).
CREATE TABLE queuecalls (
    id                    uuid PRIMARY KEY,
    customer_id           uuid        NOT NULL,
    queue_id              uuid        NOT NULL,
    reference_type        text        NOT NULL,
    reference_id          uuid        NOT NULL,
    activeflow_id         uuid,
    status                text        NOT NULL,
    priority              integer     NOT NULL,
    agent_id              uuid,
    offer_attempts        integer     NOT NULL,
    reservation_id        uuid,
    -- the agent who just missed this caller: skipped by the next offer when someone else is free
    missed_agent_id       uuid,
    waited_ms             bigint      NOT NULL,
    talked_ms             bigint      NOT NULL,
    end_reason            text,
    overflow_type         text,
    overflow_queue_id     uuid,
    overflow_flow_id      uuid,
    overflow_queuecall_id uuid,
    -- durable deadlines: the wait's end (waiting/offering), the talk's end (connected)
    wait_until            timestamptz,
    service_until         timestamptz,
    tm_create             timestamptz NOT NULL,
    tm_connect            timestamptz,
    tm_end                timestamptz,
    tm_update             timestamptz NOT NULL,
    version               bigint      NOT NULL
);
-- The dispatch claim: the head of a queue's waiting line, higher priority first, then FIFO.
CREATE INDEX queuecalls_waiting ON queuecalls (queue_id, priority DESC, tm_create, id) WHERE status = 'WAITING';
CREATE INDEX queuecalls_live_by_customer ON queuecalls (customer_id, queue_id) WHERE status IN ('WAITING', 'OFFERING');
CREATE INDEX queuecalls_reference ON queuecalls (reference_id);
CREATE INDEX queuecalls_queue_page ON queuecalls (customer_id, tm_create DESC, id DESC);
CREATE INDEX queuecalls_stats ON queuecalls (queue_id, status);
CREATE INDEX queuecalls_wait_due ON queuecalls (wait_until) WHERE status IN ('WAITING', 'OFFERING');
CREATE INDEX queuecalls_service_due ON queuecalls (service_until) WHERE status = 'CONNECTED';

-- The outbound calls ringing an agent for an offer (one per address dialled).
CREATE TABLE offer_calls (
    call_id        uuid PRIMARY KEY,
    queuecall_id   uuid        NOT NULL,
    reservation_id uuid        NOT NULL,
    agent_id       uuid        NOT NULL,
    status         text        NOT NULL,
    tm_create      timestamptz NOT NULL
);
CREATE INDEX offer_calls_reservation ON offer_calls (reservation_id);
