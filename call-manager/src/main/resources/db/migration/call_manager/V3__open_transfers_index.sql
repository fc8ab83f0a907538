-- Every hangup asks whether the call takes part in an open transfer; without this the question is a
-- scan of all transfers ever made.
CREATE INDEX transfers_open_transferee ON transfers (transferee_call_id) WHERE status IN ('dialing', 'consulting');
