-- What a waiting caller hears: music on hold of an Asterisk class ('' = silence) and the wait actions (JSON list of
-- talk / play / sleep steps, looped).
ALTER TABLE queues ADD COLUMN moh_class text NOT NULL DEFAULT 'default';
ALTER TABLE queues ADD COLUMN wait_actions text NOT NULL DEFAULT '[]';

-- A waiting caller's media cycle, durable so that a restart of queue-manager neither loses nor repeats it. A row
-- of its own: moving the cycle on never locks the queuecall, which the dispatcher claims with SKIP LOCKED.
--   step          the wait action played next (index into the queue's wait actions, modulo their count)
--   tm_announced  when the last position announcement started
--   prompt        the operation id of the prompt playing now (its call_operation_finished moves the cycle on)
--   wake_at       while music plays: when it is interrupted (an announcement due, a sleep over)
CREATE TABLE waiting_media (
    queuecall_id uuid PRIMARY KEY,
    step         integer NOT NULL,
    tm_announced timestamptz,
    prompt       text,
    wake_at      timestamptz
);
CREATE INDEX waiting_media_wake ON waiting_media (wake_at) WHERE wake_at IS NOT NULL;

-- Which of the agent's addresses an offer call rings: a linear agent is rung at the next one when it rings out.
ALTER TABLE offer_calls ADD COLUMN address_index integer NOT NULL DEFAULT 0;
