-- A live call is one without a hangup time. PostgreSQL counts a partial index's predicate columns as
-- indexed, so the predicate on status (which changes on every transition) made every update of a call
-- a non-HOT update: a new entry in each of the table's four indexes, and bloat for vacuum to clean.
-- tm_hangup changes once, at the hangup; the updates before it can stay on the page (HOT), and the
-- fill factor leaves room there for them.
DROP INDEX calls_live;
CREATE INDEX calls_live ON calls (asterisk_id) WHERE tm_hangup IS NULL;
ALTER TABLE calls SET (fillfactor = 85);
