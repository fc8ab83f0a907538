-- campaign-manager: outplans (how to dial), campaigns (what to dial and how fast), campaigncalls (one
-- row per attempt) and the customers' do-not-call lists. Enums are stored as their Java names.

CREATE TABLE outplans (
    id                   uuid PRIMARY KEY,
    customer_id          uuid        NOT NULL,
    name                 text        NOT NULL,
    detail               text        NOT NULL DEFAULT '',
    source               text        NOT NULL,
    dial_timeout_ms      integer     NOT NULL,
    -- Slot i may have max_tries[i + 1] attempts (1 to 5 slots).
    max_tries            integer[]   NOT NULL,
    retry_busy_ms        bigint      NOT NULL,
    retry_no_answer_ms   bigint      NOT NULL,
    retry_unavailable_ms bigint      NOT NULL,
    retry_failed_ms      bigint      NOT NULL,
    version              bigint      NOT NULL,
    tm_create            timestamptz NOT NULL,
    tm_update            timestamptz NOT NULL,
    tm_delete            timestamptz
);
CREATE INDEX outplans_by_customer ON outplans (customer_id, tm_create DESC, id DESC) WHERE tm_delete IS NULL;

CREATE TABLE campaigns (
    id               uuid PRIMARY KEY,
    customer_id      uuid             NOT NULL,
    name             text             NOT NULL,
    detail           text             NOT NULL DEFAULT '',
    type             text             NOT NULL,
    flow_id          uuid,
    outplan_id       uuid,
    outdial_id       uuid,
    queue_id         uuid,
    end_handle       text             NOT NULL,
    next_campaign_id uuid,
    dial_rate        double precision NOT NULL,
    max_in_flight    integer          NOT NULL,
    window_days      text[],
    window_start     time,
    window_end       time,
    window_time_zone text,
    -- Written only by status changes (SQL with the row locked), never by a save of the entity.
    status           text             NOT NULL DEFAULT 'STOP',
    -- The dial budget, shared by every instance: a token bucket refilled at dial_rate per second.
    dial_tokens      double precision NOT NULL DEFAULT 0,
    tokens_at        timestamptz      NOT NULL DEFAULT now(),
    -- When the pacer should look at the campaign again (the outdial's next due target, or at once after
    -- a call ended). A running campaign with nothing due costs no claim round trips.
    next_pace_at     timestamptz      NOT NULL DEFAULT now(),
    version          bigint           NOT NULL,
    tm_create        timestamptz      NOT NULL,
    tm_update        timestamptz      NOT NULL,
    tm_delete        timestamptz
);
CREATE INDEX campaigns_by_customer ON campaigns (customer_id, tm_create DESC, id DESC) WHERE tm_delete IS NULL;
CREATE INDEX campaigns_active ON campaigns (next_pace_at) WHERE tm_delete IS NULL AND status IN ('RUN', 'STOPPING');

CREATE TABLE campaigncalls (
    id                uuid PRIMARY KEY,
    customer_id       uuid        NOT NULL,
    campaign_id       uuid        NOT NULL REFERENCES campaigns (id),
    outdial_id        uuid        NOT NULL,
    outdial_target_id uuid        NOT NULL,
    -- outdial-manager's claim: reported with the outcome, renewed while the call lasts.
    claim_id          uuid        NOT NULL UNIQUE,
    lease_expires_at  timestamptz NOT NULL,
    slot              integer     NOT NULL,
    destination       text        NOT NULL,
    try_number        integer     NOT NULL,
    call_id           uuid UNIQUE,
    activeflow_id     uuid,
    -- CLAIMED: taken from the outdial, not dialled yet (counts as in flight, never shown); then
    -- DIALING, PROGRESSING, DONE.
    status            text        NOT NULL,
    result            text,
    hangup_reason     text,
    -- Set when the outcome reached outdial-manager: a DONE row without it is reported again.
    tm_reported       timestamptz,
    tm_create         timestamptz NOT NULL,
    tm_dial           timestamptz,
    tm_answer         timestamptz,
    tm_end            timestamptz,
    tm_update         timestamptz NOT NULL
);
CREATE INDEX campaigncalls_by_campaign ON campaigncalls (campaign_id, tm_create DESC, id DESC);
CREATE INDEX campaigncalls_in_flight ON campaigncalls (campaign_id) WHERE status IN ('CLAIMED', 'DIALING', 'PROGRESSING');
CREATE INDEX campaigncalls_leases ON campaigncalls (lease_expires_at) WHERE status IN ('CLAIMED', 'DIALING', 'PROGRESSING');
CREATE INDEX campaigncalls_activeflow ON campaigncalls (activeflow_id) WHERE activeflow_id IS NOT NULL;

CREATE TABLE dnc_numbers (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    number      text        NOT NULL,
    note        text        NOT NULL DEFAULT '',
    version     bigint      NOT NULL,
    tm_create   timestamptz NOT NULL,
    tm_update   timestamptz NOT NULL,
    CONSTRAINT dnc_numbers_once UNIQUE (customer_id, number)
);
CREATE INDEX dnc_numbers_by_customer ON dnc_numbers (customer_id, tm_create DESC, id DESC);
