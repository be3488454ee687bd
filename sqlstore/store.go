package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/servuction/servuction/complaint"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Store is a [complaint.Store] in a SQL database: the trail's entries, the
// version of each case and the trail's head are rows, and each
// [Store.Append] is one transaction. A Store is safe for concurrent use, and
// any number of stores, in one process or many, may open the same database:
// appends are ordered by a lock on the head row (PostgreSQL) or SQLite's
// write lock, and the version check of the case runs in the same transaction
// as the append, so a stale writer gets [complaint.ErrConflict] and nothing
// is lost or written twice.
type Store struct {
	db   *sql.DB
	addr Address
	q    *queries
	st   prepared
	// appendTime averages the recent successful appends, to space out the
	// writers that lose a race (see spread).
	appendTime ewma
}

// prepared holds the statements of every call, prepared once: database/sql
// prepares each again, once, on each connection that runs it.
type prepared struct {
	lockHead, getSummary, getVersion, insertSummary, updateSummary, insert, setHead, dropClaim, load, entries, head,
	claim, release *sql.Stmt
}

// all returns every statement, for preparing and closing.
func (p *prepared) all(q *queries) []struct {
	dst **sql.Stmt
	q   string
} {
	return []struct {
		dst **sql.Stmt
		q   string
	}{
		{&p.lockHead, q.lockHead}, {&p.getSummary, q.getSummary}, {&p.getVersion, q.getVersion}, {&p.insertSummary, q.insertSummary},
		{&p.updateSummary, q.updateSummary}, {&p.insert, q.insert}, {&p.setHead, q.setHead}, {&p.dropClaim, q.dropClaim},
		{&p.load, q.load}, {&p.entries, q.entries}, {&p.head, q.head}, {&p.claim, q.claim}, {&p.release, q.release},
	}
}

// Open opens the store at addr (see [Address] for the forms it takes),
// creating its tables or migrating them to this build's schema.
func Open(ctx context.Context, addr string, opts Options) (*Store, error) {
	a, err := ParseAddress(addr)
	if err != nil {
		return nil, err
	}
	if a.Dialect == SQLite {
		return OpenSQLite(ctx, a.Target, opts)
	}
	return OpenPostgres(ctx, a.Target, opts)
}

// OpenSQLite opens or creates the SQLite database file at path ([Memory] for
// a database in memory, which lives as long as the store) in WAL mode with
// the options' synchronous setting, and migrates its schema. Several
// processes may open the same file; they must share a local file system that
// supports SQLite's locks (not a network share).
func OpenSQLite(ctx context.Context, path string, opts Options) (*Store, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if _, err := checkTarget(Address{SQLite, path}, "sqlite:"+path); err != nil {
		return nil, err
	}
	dsn, err := sqliteDSN(path, opts)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: sqlite %s: %w", path, err)
	}
	if path == Memory {
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(opts.MaxOpenConns)
	}
	s := &Store{db: db, addr: Address{SQLite, path}, q: sqliteQueries}
	if err := s.init(ctx, path != Memory); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// sqliteDSN returns the modernc.org/sqlite data source name of path: a file
// URI with the pragmas every connection of the pool runs when it opens.
func sqliteDSN(path string, opts Options) (string, error) {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(opts.busyTimeout(), 10))
	q.Set("_synchronous", strings.ToUpper(opts.Synchronous.String()))
	q.Set("_foreign_keys", "1")
	if path == Memory {
		return Memory + "?" + q.Encode(), nil
	}
	q.Set("_journal_mode", "WAL")
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("sqlstore: sqlite %s: %w: %w", path, err, ErrInvalidAddress)
	}
	// A URI file name: '%', '?' and '#' in the path are escaped.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(abs))
	if !strings.HasPrefix(esc, "/") {
		esc = "/" + esc // a Windows drive letter: file:/C:/…
	}
	return "file:" + esc + "?" + q.Encode(), nil
}

// OpenPostgres connects to the PostgreSQL database of dsn (a URL or
// key=value pairs, as pgx reads them) and migrates its schema. The tables go
// to the connection's current schema: add search_path to dsn to choose it.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if _, err := checkTarget(Address{PostgreSQL, dsn}, "postgres:"+dsn); err != nil {
		return nil, err
	}
	if _, err := pgx.ParseConfig(dsn); err != nil {
		return nil, fmt.Errorf("sqlstore: postgres %s: %w: %w", redact(dsn), err, ErrInvalidAddress)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: postgres %s: %w", redact(dsn), err)
	}
	db.SetMaxOpenConns(opts.MaxOpenConns)
	s := &Store{db: db, addr: Address{PostgreSQL, dsn}, q: postgresQueries}
	if err := s.init(ctx, false); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// init checks the connection, the journal mode of a SQLite file and
// migrates the schema.
func (s *Store) init(ctx context.Context, wal bool) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("sqlstore: %s: %w", s.addr, err)
	}
	if wal {
		var mode string
		if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			return fmt.Errorf("sqlstore: %s: %w", s.addr, err)
		}
		if !strings.EqualFold(mode, "wal") {
			return fmt.Errorf("sqlstore: %s: journal mode is %q, not WAL: %w", s.addr, mode, ErrSchema)
		}
	}
	if err := migrate(ctx, s.db, s.addr.Dialect); err != nil {
		return fmt.Errorf("sqlstore: %s: %w", s.addr, err)
	}
	return s.prepare(ctx)
}

// prepare prepares the statements of the store's calls.
func (s *Store) prepare(ctx context.Context) error {
	for _, p := range s.st.all(s.q) {
		st, err := s.db.PrepareContext(ctx, p.q)
		if err != nil {
			return s.fail(ctx, "prepare", err)
		}
		*p.dst = st
	}
	return nil
}

// Address returns the store's address; its String hides a password.
func (s *Store) Address() Address { return s.addr }

// DB returns the store's database handle, for backups and monitoring. Writing
// to the store's tables (complaint_*) other than through the store breaks
// the trail, which [Store.Verify] reports.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the store's statements and database handle. A closed store's
// calls fail.
func (s *Store) Close() error {
	var errs []error
	for _, p := range s.st.all(s.q) {
		if *p.dst != nil {
			errs = append(errs, (*p.dst).Close())
		}
	}
	return errors.Join(append(errs, s.db.Close())...)
}

// SchemaVersion returns the number of the newest migration the database
// records.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.db.QueryRowContext(ctx, "SELECT MAX(version) FROM complaint_schema").Scan(&v); err != nil {
		return 0, s.fail(ctx, "schema version", err)
	}
	return int(v.Int64), nil
}

// fail wraps a database error with what was being done and, when the
// context ended, with the context's error, so errors.Is finds
// context.Canceled or context.DeadlineExceeded whatever the driver said.
func (s *Store) fail(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("sqlstore: %s: %w (%v)", what, cerr, err)
	}
	return fmt.Errorf("sqlstore: %s: %w", what, err)
}

// rebind turns the $1, $2… placeholders of a query into SQLite's ?1, ?2….
func rebind(d Dialect, q string) string {
	if d == SQLite {
		return strings.ReplaceAll(q, "$", "?")
	}
	return q
}

// queries are the statements of one dialect.
type queries struct {
	dialect       Dialect
	txOptions     *sql.TxOptions
	lockHead      string // returns the head's seq and hash, holding the write lock
	getSummary    string // $1 case
	getVersion    string // $1 case
	insertSummary string // summaryColumns
	updateSummary string // summaryColumns, then $18 the expected version; no row when stale
	insert        string // $1 seq, $2 case, $3 version, $4 prev, $5 hash, $6 entry
	setHead       string // $1 seq, $2 hash
	dropClaim     string // $1 key
	load          string // $1 case, $2 after version
	entries       string // $1 after
	head          string
	claim         string // $1 key, $2 owner, $3 until, $4 now
	release       string // $1 key, $2 owner
	verify        string
}

func newQueries(d Dialect, lockHead string, tx *sql.TxOptions) *queries {
	r := func(q string) string { return rebind(d, q) }
	lockRow := ""
	if d == PostgreSQL {
		lockRow = " FOR UPDATE"
	}
	return &queries{
		dialect:       d,
		txOptions:     tx,
		lockHead:      lockHead,
		getSummary:    r("SELECT " + summaryColumns + " FROM complaint_cases WHERE case_id = $1" + lockRow),
		getVersion:    r("SELECT version FROM complaint_cases WHERE case_id = $1"),
		insertSummary: r("INSERT INTO complaint_cases (" + summaryColumns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"),
		updateSummary: r(`UPDATE complaint_cases SET version = $2, first_seq = $3, last_seq = $4, kind = $5, severity = $6,
			channel = $7, customer = $8, state = $9, tier = $10, department = $11, assignee = $12, received_at = $13,
			updated_at = $14, due_at = $15, risk_at = $16, pending = $17 WHERE case_id = $1 AND version = $18`),
		insert:    r("INSERT INTO complaint_trail (seq, case_id, version, prev, hash, entry) VALUES ($1, $2, $3, $4, $5, $6)"),
		setHead:   r("UPDATE complaint_head SET seq = $1, hash = $2 WHERE id = 1"),
		dropClaim: r("DELETE FROM complaint_claims WHERE key = $1"),
		load:      r("SELECT seq, case_id, version, prev, hash, entry FROM complaint_trail WHERE case_id = $1 AND version > $2 ORDER BY version"),
		entries:   r("SELECT seq, case_id, version, prev, hash, entry FROM complaint_trail WHERE seq > $1 ORDER BY seq"),
		head:      "SELECT seq, hash FROM complaint_head WHERE id = 1",
		claim: r(`INSERT INTO complaint_claims (key, owner, until) VALUES ($1, $2, $3)
			ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, until = excluded.until
			WHERE complaint_claims.owner = excluded.owner OR complaint_claims.until <= $4`),
		release: r("DELETE FROM complaint_claims WHERE key = $1 AND owner = $2"),
		verify:  "SELECT seq, case_id, version, prev, hash, entry FROM complaint_trail ORDER BY seq",
	}
}

var (
	// SQLite: the no-op update takes the database's write lock as the
	// transaction's first statement, waiting for it under the call's context.
	sqliteQueries = newQueries(SQLite, "UPDATE complaint_head SET seq = seq WHERE id = 1 RETURNING seq, hash", nil)
	// PostgreSQL: the case's row is locked first (getSummary … FOR UPDATE),
	// so a stale writer fails without waiting for the head; then the head
	// row's lock orders the appends. Read committed: each statement sees
	// every append committed before its lock was granted.
	postgresQueries = newQueries(PostgreSQL, "SELECT seq, hash FROM complaint_head WHERE id = 1 FOR UPDATE",
		&sql.TxOptions{Isolation: sql.LevelReadCommitted})
)

var (
	_ complaint.Store      = (*Store)(nil)
	_ complaint.Querier    = (*Store)(nil)
	_ complaint.CaseLoader = (*Store)(nil)
	_ complaint.Claimer    = (*Store)(nil)
)
