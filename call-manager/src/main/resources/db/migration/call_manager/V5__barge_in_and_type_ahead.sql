-- A play or talk that a digit from the caller stops (barge-in).
ALTER TABLE operations ADD COLUMN barge_in boolean NOT NULL DEFAULT false;

-- Digits a caller pressed while no collection ran (during a prompt, between menus): the next
-- digits_receive starts with them (type-ahead). At most the last 64.
CREATE TABLE type_ahead (
    call_id uuid PRIMARY KEY,
    digits  text NOT NULL
);
