-- The transactional outbox (common-rpc's OutboxRelay), in the schema of every service that has a database:
-- each service's Flyway locations include classpath:db/outbox. An event is written here in the transaction
-- of the change it announces and deleted once the broker has confirmed it; seq orders a re-send after a crash.
CREATE TABLE IF NOT EXISTS event_outbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY,
    event_id    uuid PRIMARY KEY,
    exchange    text        NOT NULL,
    routing_key text        NOT NULL,
    trace_id    text,
    body        bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
