-- Signals find waiting activeflows in flow-manager's memory now (RunningActiveflows), so nothing reads
-- this index. Every step rewrites wait_keys, and a GIN index on it made each of those updates write
-- index entries (and ruled out HOT updates); without it they touch the table row only.
DROP INDEX IF EXISTS activeflows_running_wait;
