-- A customer's webhook endpoints. event_types empty = every event type. The secrets are kept in clear
-- because every attempt is signed afresh; previous_secret still signs until previous_secret_expires.
CREATE TABLE webhooks (
    id                      uuid PRIMARY KEY,
    customer_id             uuid        NOT NULL,
    url                     text        NOT NULL,
    event_types             text[]      NOT NULL,
    enabled                 boolean     NOT NULL,
    description             text        NOT NULL,
    secret                  text        NOT NULL,
    previous_secret         text,
    previous_secret_expires timestamptz,
    disabled_reason         text,
    tm_create               timestamptz NOT NULL,
    tm_update               timestamptz NOT NULL,
    tm_delete               timestamptz
);
CREATE INDEX webhooks_customer ON webhooks (customer_id, tm_create DESC, id DESC) WHERE tm_delete IS NULL;

-- One event on its way to one webhook. payload holds the exact bytes that are signed and sent.
-- event_key de-duplicates a redelivered bus message (and is 'replay:<id>' for a replay).
CREATE TABLE deliveries (
    id               uuid PRIMARY KEY,
    customer_id      uuid        NOT NULL,
    webhook_id       uuid        NOT NULL REFERENCES webhooks (id),
    message_id       text        NOT NULL,
    event_key        text        NOT NULL,
    event_type       text        NOT NULL,
    payload          bytea       NOT NULL,
    status           text        NOT NULL,
    attempts         int         NOT NULL,
    next_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    replay_of        uuid,
    tm_create        timestamptz NOT NULL,
    tm_update        timestamptz NOT NULL,
    UNIQUE (webhook_id, event_key)
);
-- The scheduler's query: due pending deliveries, oldest first.
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_webhook ON deliveries (webhook_id, tm_create DESC, id DESC);

CREATE TABLE delivery_attempts (
    delivery_id uuid        NOT NULL REFERENCES deliveries (id),
    attempt     int         NOT NULL,
    tm_attempt  timestamptz NOT NULL,
    status_code int,
    latency_ms  bigint      NOT NULL,
    error       text,
    PRIMARY KEY (delivery_id, attempt)
);
