-- call-manager's schema: calls and the ARI state they are built from.

CREATE TABLE numbers (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    number      text        NOT NULL,
    flow_id     uuid,
    name        text        NOT NULL DEFAULT '',
    tm_create   timestamptz NOT NULL,
    tm_update   timestamptz NOT NULL,
    tm_delete   timestamptz
);
-- A number routes to one customer at a time.
CREATE UNIQUE INDEX numbers_number_live ON numbers (number) WHERE tm_delete IS NULL;
CREATE INDEX numbers_customer_page ON numbers (customer_id, tm_create DESC, id DESC);

CREATE TABLE calls (
    id                 uuid PRIMARY KEY,
    customer_id        uuid        NOT NULL,
    asterisk_id        text,
    channel_id         text        NOT NULL,
    bridge_id          text,
    flow_id            uuid,
    activeflow_id      uuid,
    direction          text        NOT NULL,
    source_type        text        NOT NULL,
    source_target      text        NOT NULL,
    destination_type   text        NOT NULL,
    destination_target text        NOT NULL,
    status             text        NOT NULL,
    hangup_by          text,
    hangup_reason      text,
    hangup_note        text,
    tm_create          timestamptz NOT NULL,
    tm_ringing         timestamptz,
    tm_progressing     timestamptz,
    tm_hangup          timestamptz,
    duration_ms        bigint      NOT NULL DEFAULT 0,
    dial_deadline      timestamptz,
    tm_update          timestamptz NOT NULL
);
CREATE UNIQUE INDEX calls_channel ON calls (channel_id);
CREATE INDEX calls_customer_page ON calls (customer_id, tm_create DESC, id DESC);
CREATE INDEX calls_live ON calls (asterisk_id) WHERE status <> 'hangup';

-- Mirror of the ARI channels seen (calls' channels and the media channels call-manager creates).
CREATE TABLE channels (
    id           text PRIMARY KEY,
    asterisk_id  text,
    name         text        NOT NULL DEFAULT '',
    state        text        NOT NULL DEFAULT '',
    kind         text        NOT NULL,
    call_id      uuid,
    bridge_id    text,
    hangup_cause int,
    tm_create    timestamptz NOT NULL,
    tm_update    timestamptz NOT NULL,
    tm_end       timestamptz
);
CREATE INDEX channels_call ON channels (call_id);

-- Long operations in flight (playback id, recording name, digit collection) → who waits for the end.
CREATE TABLE operations (
    id           text PRIMARY KEY,
    call_id      uuid        NOT NULL,
    operation_id text,
    kind         text        NOT NULL,
    tm_create    timestamptz NOT NULL
);
CREATE INDEX operations_call ON operations (call_id);

CREATE TABLE digit_collections (
    call_id      uuid PRIMARY KEY,
    operation_id text,
    max_length   int         NOT NULL,
    terminator   text        NOT NULL DEFAULT '',
    digits       text        NOT NULL DEFAULT '',
    deadline     timestamptz NOT NULL
);

CREATE TABLE confbridges (
    id          uuid PRIMARY KEY,
    customer_id uuid        NOT NULL,
    bridge_id   text        NOT NULL UNIQUE,
    asterisk_id text,
    type        text        NOT NULL,
    status      text        NOT NULL,
    tm_create   timestamptz NOT NULL,
    tm_update   timestamptz NOT NULL
);

CREATE TABLE confbridge_calls (
    confbridge_id uuid        NOT NULL REFERENCES confbridges (id),
    call_id       uuid        NOT NULL,
    tm_join       timestamptz NOT NULL,
    tm_leave      timestamptz,
    PRIMARY KEY (confbridge_id, call_id)
);

CREATE TABLE transfers (
    id                    uuid PRIMARY KEY,
    customer_id           uuid        NOT NULL,
    type                  text        NOT NULL,
    transferee_call_id    uuid        NOT NULL,
    transferor_call_id    uuid,
    transferor_channel_id text,
    target_call_id        uuid,
    destination_type      text        NOT NULL,
    destination_target    text        NOT NULL,
    status                text        NOT NULL,
    bridge_id             text,
    consult_bridge_id     text,
    reason                text,
    tm_create             timestamptz NOT NULL,
    tm_update             timestamptz NOT NULL
);
CREATE INDEX transfers_target ON transfers (target_call_id);

CREATE TABLE recordings (
    id               uuid PRIMARY KEY,
    customer_id      uuid        NOT NULL,
    call_id          uuid        NOT NULL,
    name             text        NOT NULL UNIQUE,
    format           text        NOT NULL,
    status           text        NOT NULL,
    operation_id     text,
    duration_seconds int         NOT NULL DEFAULT 0,
    tm_start         timestamptz NOT NULL,
    tm_end           timestamptz
);
