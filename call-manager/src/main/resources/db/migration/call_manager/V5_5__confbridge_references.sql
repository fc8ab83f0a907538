-- What a room serves and who each member is, as named by its creator and joiner (conference-manager's
-- conference and conferencecall), so the confbridge_* events carry conference_id and participant_id.
ALTER TABLE confbridges ADD COLUMN conference_id uuid;
ALTER TABLE confbridge_calls ADD COLUMN participant_id uuid;
