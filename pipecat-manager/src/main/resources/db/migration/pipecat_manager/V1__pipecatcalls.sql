-- One row per AI session; the live audio state is in memory, this is the record and its outcome.
CREATE TABLE pipecatcalls (
    id           UUID PRIMARY KEY,
    call_id      UUID        NOT NULL,
    status       TEXT        NOT NULL,
    audio_format TEXT        NOT NULL,
    runner_url   TEXT        NOT NULL,
    tool_url     TEXT,
    end_reason   TEXT,
    tm_create    TIMESTAMPTZ NOT NULL,
    tm_update    TIMESTAMPTZ NOT NULL
);

CREATE INDEX pipecatcalls_call_id ON pipecatcalls (call_id);
