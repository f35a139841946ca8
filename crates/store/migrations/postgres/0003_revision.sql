-- A counter bumped by every change to an organisation's register, so that list totals can be
-- cached per revision on every app server and never served stale.
ALTER TABLE organisations ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
