-- Members waiting for a moderator (issue 23) wait in a holding bridge of the room's, where they hear music on
-- hold and not each other; a member being moved between the room's two bridges is marked moving, so the
-- ChannelLeftBridge of the move is not taken for a leave.
ALTER TABLE confbridges ADD COLUMN holding_bridge_id text UNIQUE;
ALTER TABLE confbridge_calls ADD COLUMN moving boolean NOT NULL DEFAULT false;
