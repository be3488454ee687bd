// Package sqlstore keeps a complaint desk's cases in a SQL database: a
// [complaint.Store] on database/sql for SQLite (through modernc.org/sqlite,
// pure Go, no cgo: the embedded default, a file in WAL mode or a database in
// memory) and PostgreSQL (through github.com/jackc/pgx/v5's stdlib driver).
// A [Store] is also a [complaint.Querier] (queries in SQL on a summary row
// per case, with indexes), a [complaint.CaseLoader] and a
// [complaint.Claimer] (leases on outbox messages in a table, so desks in
// many processes deliver each message once).
//
// It is a module of its own, so that importing the complaint package never
// brings a database driver.
//
//	store, err := sqlstore.Open(ctx, "sqlite:tele-cliente.db", sqlstore.Options{})
//	…
//	desk, err := complaint.NewDesk(complaint.DeskConfig{Store: store})
//
// # Tables
//
// The trail (trazabilidad) is the table complaint_trail, one row per entry:
// its sequence number, case, version, previous and own hash as columns, and
// the entry's canonical encoding, the bytes its hash covers.
// complaint_cases holds each case's [complaint.Summary], one column per
// field, complaint_head the trail's last sequence number and hash,
// complaint_claims the leases and complaint_schema the migrations applied.
// The schema is created and migrated by [Open] from numbered SQL files
// embedded in the package, in one transaction under a lock, so several
// processes may open a new database at once; a database migrated by a newer
// build is refused ([ErrSchema]). [Store.Verify] checks the whole chain, and
// every summary, from the database.
//
// # Concurrency
//
// Each [Store.Append] is one transaction that takes the trail's write lock
// (in PostgreSQL the case's row, then the head row; in SQLite the
// database's), checks the case's version column against the version the
// caller read, inserts the sealed entries, writes the summary and moves the
// head. Any number of desks, goroutines and processes may share one
// database: a stale writer gets [complaint.ErrConflict] and the desk
// re-decides its event; no acknowledged entry is lost and the hash chain
// stays whole.
//
// Every call takes a context: it bounds the wait for a connection, for the
// write lock and for reads.
package sqlstore
