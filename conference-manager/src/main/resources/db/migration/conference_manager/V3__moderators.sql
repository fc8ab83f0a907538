-- Moderator options: participants wait with music on hold until a moderator is in; the conference ends when
-- its last moderator leaves.
ALTER TABLE conferences ADD COLUMN moderator_gated boolean NOT NULL DEFAULT false;
ALTER TABLE conferences ADD COLUMN end_when_moderators_leave boolean NOT NULL DEFAULT false;
