-- Conferences and their participants (conferencecalls). version: Spring Data JDBC's optimistic lock;
-- every change to a conference's participants first locks the conference row (SELECT ... FOR UPDATE),
-- so counts and transitions are computed one change at a time.
CREATE TABLE conferences (
    id               uuid PRIMARY KEY,
    customer_id      uuid        NOT NULL,
    type             text        NOT NULL,
    name             text        NOT NULL,
    detail           text        NOT NULL,
    status           text        NOT NULL,
    timeout          int         NOT NULL,
    pre_flow_id      uuid,
    post_flow_id     uuid,
    max_participants int         NOT NULL,
    recording_id     uuid,
    recording_ids    uuid[]      NOT NULL DEFAULT '{}',
    confbridge_id    uuid,
    version          bigint      NOT NULL,
    tm_create        timestamptz NOT NULL,
    tm_update        timestamptz NOT NULL,
    tm_end           timestamptz,
    tm_delete        timestamptz
);

CREATE INDEX conferences_by_customer ON conferences (customer_id, tm_create DESC, id DESC) WHERE tm_delete IS NULL;

CREATE TABLE conferencecalls (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL,
    conference_id uuid        NOT NULL REFERENCES conferences (id),
    call_id       uuid        NOT NULL,
    activeflow_id uuid,
    status        text        NOT NULL,
    role          text        NOT NULL,
    muted         boolean     NOT NULL,
    leave_reason  text,
    version       bigint      NOT NULL,
    tm_create     timestamptz NOT NULL,
    tm_update     timestamptz NOT NULL,
    tm_join       timestamptz,
    tm_leave      timestamptz
);

-- A call is in a conference at most once at a time (a retried join finds its membership).
CREATE UNIQUE INDEX conferencecalls_live_call ON conferencecalls (conference_id, call_id) WHERE status <> 'left';
CREATE INDEX conferencecalls_by_call ON conferencecalls (call_id) WHERE status <> 'left';
CREATE INDEX conferencecalls_by_conference ON conferencecalls (conference_id, tm_create DESC, id DESC);

-- The one deadline of a conference with a timeout: an update replaces it, termination removes it, and a
-- restarted conference-manager finds it here. Claimed with FOR UPDATE SKIP LOCKED, so it fires once.
CREATE TABLE conference_timeouts (
    conference_id uuid PRIMARY KEY REFERENCES conferences (id),
    due_at        timestamptz NOT NULL
);

CREATE INDEX conference_timeouts_due ON conference_timeouts (due_at);
