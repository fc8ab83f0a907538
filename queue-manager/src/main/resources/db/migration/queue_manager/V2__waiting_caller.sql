-- What a waiting caller hears: music on hold of an Asterisk class ('' = silence) and the wait actions (JSON list of
-- talk / play / sleep steps, looped).
ALTER TABLE queues ADD COLUMN moh_class text NOT NULL DEFAULT 'default';
ALTER TABLE queues ADD COLUMN wait_actions text NOT NULL DEFAULT '[]';

-- The waiting caller's media cycle, durable so that a restart of queue-manager neither skips nor repeats it:
-- the step of the wait actions played next, when the last position announcement started, and when the caller's
-- music must be interrupted next (a position announcement due, or a sleep step over); NULL while a prompt plays
-- (its call_operation_finished moves the cycle on).
ALTER TABLE queuecalls ADD COLUMN wait_step integer NOT NULL DEFAULT 0;
ALTER TABLE queuecalls ADD COLUMN tm_announced timestamptz;
ALTER TABLE queuecalls ADD COLUMN wake_at timestamptz;
CREATE INDEX queuecalls_wake_due ON queuecalls (wake_at) WHERE status IN ('WAITING', 'OFFERING');
