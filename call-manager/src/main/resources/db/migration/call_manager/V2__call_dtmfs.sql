-- Every DTMF digit a caller pressed, in order (the flow gets them as call_dtmf_received).
CREATE TABLE call_dtmfs (
    id          bigserial PRIMARY KEY,
    call_id     uuid        NOT NULL,
    digit       text        NOT NULL,
    duration_ms int         NOT NULL,
    tm_create   timestamptz NOT NULL
);
CREATE INDEX call_dtmfs_call ON call_dtmfs (call_id, id);
