-- Leases on outbox messages (complaint.Claimer): one deliverer at a time.
CREATE TABLE complaint_claims (
    key   TEXT PRIMARY KEY,          -- the message's idempotency key
    owner TEXT NOT NULL,
    until TEXT COLLATE "C" NOT NULL  -- UTC, fixed width: the lease ends then
);
