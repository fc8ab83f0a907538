-- A call to a number nobody owns belongs to no customer (NULL), not to a made-up all-zero one: no
-- customer's API lists it and its events carry no customer, so no customer's webhook gets them.
ALTER TABLE calls ALTER COLUMN customer_id DROP NOT NULL;
UPDATE calls SET customer_id = NULL WHERE customer_id = '00000000-0000-0000-0000-000000000000';
