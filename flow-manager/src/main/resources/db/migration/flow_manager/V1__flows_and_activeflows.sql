-- Stored flows: the action list as validated at create (ids assigned), soft-deleted.
CREATE TABLE flows (
    id          uuid PRIMARY KEY,
    customer_id uuid NOT NULL,
    name        text NOT NULL,
    detail      text NOT NULL DEFAULT '',
    actions     jsonb NOT NULL,
    tm_create   timestamptz NOT NULL,
    tm_update   timestamptz NOT NULL,
    tm_delete   timestamptz
);
CREATE INDEX flows_customer_page ON flows (customer_id, tm_create DESC, id DESC) WHERE tm_delete IS NULL;

-- Running and ended flows. Everything the engine needs to carry on after a restart is here: the actions
-- (a fetch may have replaced them), the current action, what it waits for, variables, counters.
CREATE TABLE activeflows (
    id                uuid PRIMARY KEY,
    customer_id       uuid NOT NULL,
    flow_id           uuid NOT NULL,
    reference_type    text NOT NULL,
    reference_id      uuid NOT NULL,
    actions           jsonb NOT NULL,
    current_action_id text,
    status            text NOT NULL,
    variables         jsonb NOT NULL,
    goto_counts       jsonb NOT NULL,
    execute_count     integer NOT NULL DEFAULT 0,
    wait_kind         text,
    wait_keys         text[],
    wait_until        timestamptz,
    error             text,
    tm_create         timestamptz NOT NULL,
    tm_update         timestamptz NOT NULL,
    tm_end            timestamptz
);
CREATE INDEX activeflows_customer_page ON activeflows (customer_id, tm_create DESC, id DESC);
CREATE INDEX activeflows_running_reference ON activeflows (reference_id) WHERE status = 'running';
CREATE INDEX activeflows_running_wait ON activeflows USING gin (wait_keys) WHERE status = 'running';
