-- The hash-chained trail of every case, the version of each case (checked in
-- the same transaction as each append) and the trail's head.
CREATE TABLE complaint_trail (
    seq     INTEGER PRIMARY KEY,  -- the trail's sequence number: 1, 2, 3…
    case_id TEXT    NOT NULL,
    version INTEGER NOT NULL,     -- the case's version after the entry
    prev    TEXT    NOT NULL,     -- hash of the entry before (seq - 1)
    hash    TEXT    NOT NULL,     -- the entry's own hash
    entry   BLOB    NOT NULL,     -- the sealed entry as the complaint package encodes it
    UNIQUE (case_id, version)
) STRICT;

CREATE TABLE complaint_cases (
    case_id TEXT    PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version > 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE complaint_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT    NOT NULL
) STRICT;

INSERT INTO complaint_head (id, seq, hash) VALUES (1, 0, '');
