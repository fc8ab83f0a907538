-- A confbridge's mixed audio is recorded too (issue 23): its recordings share the table with the calls', naming
-- the room (and the conference it serves) instead of a call, so RecordingFinished ends them the same way.
ALTER TABLE recordings ALTER COLUMN call_id DROP NOT NULL;
ALTER TABLE recordings ADD COLUMN confbridge_id uuid;
ALTER TABLE recordings ADD COLUMN conference_id uuid;
