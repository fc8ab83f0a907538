-- Issue 21: a transfer may move its transferee call on to another flow once it completes: that flow, and
-- the id of its activeflow (chosen with the transfer, so the call is linked to it at completion and a
-- redelivered transfer_completed starts nothing twice). Both null: the flow's control simply ends.
ALTER TABLE transfers ADD COLUMN flow_id uuid, ADD COLUMN activeflow_id uuid;
