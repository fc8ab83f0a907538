-- A live call is one without a hangup time. PostgreSQL counts a partial index's predicate columns as
-- indexed, so the predicate on status (which changes on every transition) made every update of a call
-- a non-HOT update: a new entry in each of the table's four indexes. tm_hangup changes once, at the
-- hangup, so the updates before it can stay on their page (HOT) and leave the indexes alone.
DROP INDEX calls_live;
CREATE INDEX calls_live ON calls (asterisk_id) WHERE tm_hangup IS NULL;
