-- A completed transfer that moves its call on to another flow seeds it with the variables of the call's
-- latest activeflow, running or ended (issue 21).
CREATE INDEX activeflows_reference ON activeflows (reference_id, tm_create DESC);
