-- A delivery its endpoint cannot take now (circuit open, or endpoint-concurrency attempts in flight) is
-- parked: parked_on names the endpoint, and next_attempt_at stays a lease of the instance that parked it.
-- The endpoint pulls its parked deliveries back as soon as it has room; a lease that ends first returns
-- the delivery to the scheduler like any due one. Parking is not an attempt.
ALTER TABLE deliveries ADD COLUMN parked_on text;
CREATE INDEX deliveries_parked ON deliveries (parked_on, tm_create) WHERE status = 'pending' AND parked_on IS NOT NULL;
