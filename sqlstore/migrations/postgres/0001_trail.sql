-- The hash-chained trail of every case, the version of each case (checked in
-- the same transaction as each append) and the trail's head, whose row lock
-- orders the appends of every connection.
CREATE TABLE complaint_trail (
    seq     BIGINT PRIMARY KEY,  -- the trail's sequence number: 1, 2, 3…
    case_id TEXT   NOT NULL,
    version BIGINT NOT NULL,     -- the case's version after the entry
    prev    TEXT   NOT NULL,     -- hash of the entry before (seq - 1)
    hash    TEXT   NOT NULL,     -- the entry's own hash
    entry   BYTEA  NOT NULL,     -- the sealed entry as the complaint package encodes it
    UNIQUE (case_id, version)
);

CREATE TABLE complaint_cases (
    case_id TEXT   PRIMARY KEY,
    version BIGINT NOT NULL CHECK (version > 0)
);

CREATE TABLE complaint_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);

INSERT INTO complaint_head (id, seq, hash) VALUES (1, 0, '');
