-- The hash-chained trail, the summary of each case (whose version column is
-- checked in the same transaction as each append) and the trail's head.
-- Enums are stored as their English names; instants as UTC text of fixed
-- width, 2006-01-02T15:04:05.000000000Z, which sorts as time does.
CREATE TABLE complaint_trail (
    seq     INTEGER PRIMARY KEY,  -- the trail's sequence number: 1, 2, 3…
    case_id TEXT    NOT NULL,
    version INTEGER NOT NULL,     -- the case's version after the entry
    prev    TEXT    NOT NULL,     -- hash of the entry before (seq - 1)
    hash    TEXT    NOT NULL,     -- the entry's own hash
    entry   BLOB    NOT NULL,     -- the entry's canonical encoding, which the hash covers
    UNIQUE (case_id, version)
) STRICT;

-- One row per case: complaint.Summary, folded by every append.
CREATE TABLE complaint_cases (
    case_id     TEXT    PRIMARY KEY,
    version     INTEGER NOT NULL CHECK (version > 0),
    first_seq   INTEGER NOT NULL UNIQUE,  -- orders cases by receipt
    last_seq    INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    severity    TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    customer    TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    tier        TEXT    NOT NULL,
    department  TEXT    NOT NULL,
    assignee    TEXT    NOT NULL,
    received_at TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    due_at      TEXT,                     -- NULL: no SLA clock runs
    risk_at     TEXT,
    pending     INTEGER NOT NULL          -- undelivered outbox messages
) STRICT, WITHOUT ROWID;

CREATE INDEX complaint_cases_state ON complaint_cases (state, first_seq);
CREATE INDEX complaint_cases_due ON complaint_cases (due_at, first_seq) WHERE due_at IS NOT NULL;
CREATE INDEX complaint_cases_assignee ON complaint_cases (assignee, first_seq);
CREATE INDEX complaint_cases_customer ON complaint_cases (customer, first_seq);
CREATE INDEX complaint_cases_received ON complaint_cases (received_at, first_seq);
CREATE INDEX complaint_cases_pending ON complaint_cases (first_seq) WHERE pending > 0;

CREATE TABLE complaint_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
) STRICT;

INSERT INTO complaint_head (id, seq, hash) VALUES (1, 0, '');
