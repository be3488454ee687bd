package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction/complaint"
)

// transitionsPerCase is the length of durableFlow.
const transitionsPerCase = 10

// durableRoundsFactor: the durable rows run batches of 500 transitions in
// three times as many rounds as the others. The fsync latency of a shared
// virtual disk changes from second to second; short batches, alternated
// often, expose both sides to the same phases.
const durableRoundsFactor = 3

// durableGroup times durable complaint transitions: the complaint desk on
// a FileStore (one fsync per transition) against SQLite in WAL mode with
// synchronous=FULL (one transaction per transition, through the sqlite3
// command-line shell), and against the fsync floor: dd writing as many
// synchronous (oflag=dsync) writes of the FileStore's mean entry size.
func durableGroup() group {
	return group{key: "durable", roundsFactor: durableRoundsFactor, setup: func(ctx context.Context, e *env) ([]*row, []string, func(), error) {
		cases := e.size(50, 3)
		events := make([]complaint.Event, 0, cases*transitionsPerCase)
		for i := range cases {
			events = append(events, durableFlow(fmt.Sprintf("K-%d", i+1), time.Duration(i)*time.Minute)...)
		}
		path, sqlPath := e.path("durable.jsonl"), e.path("durable.sql")
		if err := writeEvents(path, events); err != nil {
			return nil, nil, nil, err
		}
		parsed, err := readEvents(path)
		if err != nil {
			return nil, nil, nil, err
		}
		if err := writeTransitionsSQL(sqlPath, path); err != nil {
			return nil, nil, nil, err
		}
		op := fmt.Sprintf("durable complaint transitions, %s (%s cases × %d)", thousands(len(parsed)), thousands(cases), transitionsPerCase)
		storePath := e.path("trail.jsonl")
		var entryBytes int64 // the FileStore's mean entry size, for dd
		ours := func(ctx context.Context) (float64, any, error) {
			s, a, size, err := runFileStore(ctx, storePath, parsed)
			if err == nil && entryBytes == 0 {
				entryBytes = size / int64(a.Entries)
			}
			return s, a, err
		}
		oursCmd := code("complaint.Desk.Apply(ctx, event)") + " for every event on " + code("complaint.OpenFileStore(path, complaint.FileOptions{})") + " (an fsync per transition)"
		var rows []*row
		var skipped []string
		if _, err := os.Stat(filepath.Join(e.scripts, "..", "..", "sqlstore", "go.mod")); err == nil {
			skipped = append(skipped, "complaint on the sqlstore module's SQLite store: the module exists but this runner does not measure it yet (add a row in cmd/peers/op_durable.go)")
		} else {
			skipped = append(skipped, "complaint on the sqlstore module's SQLite store: the module is not in main yet, so not measured")
		}

		if err := e.tools.need(ctx, sqliteTool); err != nil {
			skipped = append(skipped, "durable transitions vs sqlite3 skipped: "+err.Error())
		} else {
			db := e.path("durable.db")
			rows = append(rows, &row{op: op, unit: "per transition", peerName: "sqlite3 (WAL, synchronous=FULL)",
				ours: ours,
				peer: func(ctx context.Context) (float64, any, error) {
					return runSQLite(ctx, db, sqlPath, len(parsed))
				},
				check:     func(o, p any) error { return sameAnswer(o, p, tolerance{}) },
				tolerance: "exact: cases, trail entries and Σ case versions",
				oursCmd:   oursCmd,
				peerCmd:   code(e.display("sqlite3", "-batch", db, "<", sqlPath)) + ": one " + code("BEGIN IMMEDIATE … COMMIT") + " per transition (insert the entry, upsert the case), timed with " + code("julianday('now')"),
			})
		}
		if err := e.tools.need(ctx, ddTool); err != nil {
			skipped = append(skipped, "durable transitions vs the fsync floor skipped: "+err.Error())
		} else {
			out := e.path("floor.dd")
			r := &row{op: op, unit: "per transition", peerName: "fsync floor (dd oflag=dsync)", floor: true,
				tolerance: "same number of synchronous writes",
				oursCmd:   oursCmd,
			}
			r.peerCmd = code(e.display("dd", "if=/dev/zero", "of="+out, "bs=ENTRY", fmt.Sprintf("count=%d", len(parsed)), "oflag=dsync")) + ", ENTRY the FileStore's mean entry size"
			r.ours = func(ctx context.Context) (float64, any, error) {
				s, a, err := ours(ctx)
				return s, a.(durableAnswer).Entries, err
			}
			r.peer = func(ctx context.Context) (float64, any, error) {
				if entryBytes == 0 {
					return 0, nil, fmt.Errorf("no FileStore entry size measured")
				}
				r.peerCmd = code(e.display("dd", "if=/dev/zero", "of="+out, fmt.Sprintf("bs=%d", entryBytes), fmt.Sprintf("count=%d", len(parsed)), "oflag=dsync")) + " (bs: the FileStore's mean entry size)"
				return runDD(ctx, out, entryBytes, len(parsed))
			}
			r.check = func(o, p any) error { return sameAnswer(o, p, tolerance{}) }
			rows = append(rows, r)
		}
		return rows, skipped, func() {}, nil
	}}
}

// durableAnswer is what both sides hold after the transitions.
type durableAnswer struct {
	Cases    int `json:"cases"`
	Entries  int `json:"entries"`
	Versions int `json:"versions"` // Σ over cases of the case's entry count
}

// runFileStore applies events to a desk on a new FileStore at path and
// returns the seconds per transition, what the store holds and the file's
// size. Opening and closing the store are outside the timing.
func runFileStore(ctx context.Context, path string, events []complaint.Event) (float64, durableAnswer, int64, error) {
	var a durableAnswer
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return 0, a, 0, err
	}
	fs, err := complaint.OpenFileStore(path, complaint.FileOptions{})
	if err != nil {
		return 0, a, 0, err
	}
	defer fs.Close()
	d, err := complaint.NewDesk(complaint.DeskConfig{Store: fs})
	if err != nil {
		return 0, a, 0, err
	}
	t0 := time.Now()
	for _, ev := range events {
		if _, err := d.Apply(ctx, ev); err != nil {
			return 0, a, 0, err
		}
	}
	s := time.Since(t0).Seconds() / float64(len(events))
	cs, err := d.Cases(ctx)
	if err != nil {
		return 0, a, 0, err
	}
	head, err := d.Head(ctx)
	if err != nil {
		return 0, a, 0, err
	}
	a.Cases, a.Entries = len(cs), int(head.Seq)
	for _, c := range cs {
		a.Versions += int(c.Version)
	}
	if err := fs.Close(); err != nil {
		return 0, a, 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, a, 0, err
	}
	return s, a, st.Size(), nil
}

// runSQLite runs the transitions script on a new database and returns the
// seconds per transition the script measured and what the database holds.
func runSQLite(ctx context.Context, db, script string, transitions int) (float64, any, error) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Remove(db + suffix); err != nil && !os.IsNotExist(err) {
			return 0, nil, err
		}
	}
	in, err := os.Open(script)
	if err != nil {
		return 0, nil, err
	}
	defer in.Close()
	cmd := exec.CommandContext(ctx, "sqlite3", "-batch", db)
	cmd.Stdin = in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, nil, fmt.Errorf("sqlite3: %v: %s", err, truncate(stderr.String(), 300))
	}
	if stderr.Len() > 0 {
		return 0, nil, fmt.Errorf("sqlite3: %s", truncate(stderr.String(), 300))
	}
	return parseSQLiteOutput(string(out), transitions)
}

// parseSQLiteOutput reads the lines of the transitions script:
// "journal wal synchronous 2" (2 is FULL) first, then "seconds S",
// "cases N V" and "entries E"; it ignores the others ("wal", the pragma's
// own answer).
func parseSQLiteOutput(out string, transitions int) (float64, any, error) {
	var a durableAnswer
	var seconds float64
	var mode, sync string
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		var err error
		switch {
		case len(f) == 4 && f[0] == "journal" && f[2] == "synchronous":
			mode, sync = f[1], f[3]
			continue
		case len(f) == 2 && f[0] == "seconds":
			seconds, err = strconv.ParseFloat(f[1], 64)
		case len(f) == 3 && f[0] == "cases":
			a.Cases, err = strconv.Atoi(f[1])
			if err == nil {
				a.Versions, err = strconv.Atoi(f[2])
			}
		case len(f) == 2 && f[0] == "entries":
			a.Entries, err = strconv.Atoi(f[1])
		default:
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("sqlite3 output %q: %w", line, err)
		}
		seen++
	}
	if seen != 3 || mode != "wal" || sync != "2" {
		return 0, nil, fmt.Errorf("sqlite3 output %q: want lines journal wal synchronous 2 (FULL), seconds, cases and entries", truncate(out, 300))
	}
	if !(seconds > 0) {
		return 0, nil, fmt.Errorf("sqlite3 timed %v s", seconds)
	}
	return seconds / float64(transitions), a, nil
}

// ddCopied matches the seconds in dd's report "N bytes (…) copied, S s, …".
var ddCopied = regexp.MustCompile(`^(\d+) bytes .*copied, ([0-9.e+-]+) s`)

// runDD writes count synchronous writes of size bytes with dd and returns
// the seconds per write dd reports and the number of writes.
func runDD(ctx context.Context, path string, size int64, count int) (float64, any, error) {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return 0, nil, err
	}
	cmd := exec.CommandContext(ctx, "dd", "if=/dev/zero", "of="+path, fmt.Sprintf("bs=%d", size), fmt.Sprintf("count=%d", count), "oflag=dsync")
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, nil, fmt.Errorf("dd: %v: %s", err, truncate(string(out), 300))
	}
	return parseDD(string(out), size, count)
}

// parseDD reads dd's report and checks it wrote count writes of size bytes.
func parseDD(out string, size int64, count int) (float64, any, error) {
	for _, line := range strings.Split(out, "\n") {
		m := ddCopied.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		bytes, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil {
			return 0, nil, err
		}
		s, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			return 0, nil, err
		}
		if bytes != size*int64(count) {
			return 0, nil, fmt.Errorf("dd copied %d bytes, want %d × %d", bytes, count, size)
		}
		if !(s > 0) {
			return 0, nil, fmt.Errorf("dd timed %v s", s)
		}
		return s / float64(count), int(bytes / size), nil
	}
	return 0, nil, fmt.Errorf("dd: no report in %q", truncate(out, 300))
}

// durableFlow is the course notes' call-centre flow for a claim the
// advisor cannot handle (complaint's seedsFlow): received by the advisor,
// escalated to a network member who resolves it and calls the customer
// back, then closed: 10 transitions. offset shifts every instant.
func durableFlow(id string, offset time.Duration) []complaint.Event {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("COT", -5*3600)).Add(offset)
	at := func(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }
	intake := &complaint.Intake{Kind: complaint.Claim, Channel: 2, Severity: complaint.SeverityHigh, Customer: "C-" + id,
		Subject: "Internet down for three days", RemedySought: "credit for the days without service"}
	return []complaint.Event{
		{Type: complaint.Receive, Case: id, At: at(0), Actor: "ana", Tier: complaint.Advisor, Intake: intake},
		{Type: complaint.Acknowledge, Case: id, At: at(1), Actor: "ana", Tier: complaint.Advisor},
		{Type: complaint.Assign, Case: id, At: at(2), Actor: "ana", Tier: complaint.Advisor, ToTier: complaint.Advisor, Assignee: "ana"},
		{Type: complaint.Start, Case: id, At: at(3), Actor: "ana", Tier: complaint.Advisor},
		{Type: complaint.Escalate, Case: id, At: at(5), Actor: "ana", Tier: complaint.Advisor, Assignee: "luis",
			Reason: "needs a technician's visit", Note: "router replaced last month; outage confirmed in the area"},
		{Type: complaint.Start, Case: id, At: at(60), Actor: "luis", Tier: complaint.NetworkMember},
		{Type: complaint.Resolve, Case: id, At: at(240), Actor: "luis", Tier: complaint.NetworkMember, Resolution: &complaint.Resolution{
			Outcome: complaint.Upheld, Remedy: "three days' credit", Cause: complaint.ProcessCause, Callback: true}},
		{Type: complaint.ScheduleCallback, Case: id, At: at(241), Actor: "luis", Tier: complaint.NetworkMember, Due: at(300)},
		{Type: complaint.CallBack, Case: id, At: at(290), Actor: "luis", Tier: complaint.NetworkMember},
		{Type: complaint.Close, Case: id, At: at(291), Actor: "luis", Tier: complaint.NetworkMember},
	}
}

// writeEvents writes events as JSON lines.
func writeEvents(path string, events []complaint.Event) error {
	return writeFile(path, func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		for _, ev := range events {
			if err := enc.Encode(ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// readEvents parses the file writeEvents wrote, strictly.
func readEvents(path string) ([]complaint.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var events []complaint.Event
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for line := 1; sc.Scan(); line++ {
		var ev complaint.Event
		if err := decodeStrict(sc.Bytes(), &ev); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, line, err)
		}
		events = append(events, ev)
	}
	return events, sc.Err()
}

// writeTransitionsSQL writes the sqlite3 script of the transitions in the
// events file: the schema and pragmas, then one transaction per event
// (insert the event as the case's next trail entry, upsert the case's
// version and last event), timed with julianday('now'), then the summary
// lines parseSQLiteOutput reads.
func writeTransitionsSQL(path, eventsPath string) error {
	raw, err := os.ReadFile(eventsPath)
	if err != nil {
		return err
	}
	return writeFile(path, func(w *bufio.Writer) error {
		w.WriteString(`.mode list
.separator " "
.headers off
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
SELECT 'journal', journal_mode, 'synchronous', synchronous FROM pragma_journal_mode, pragma_synchronous;
CREATE TABLE cases(id TEXT PRIMARY KEY, version INTEGER NOT NULL, last_event TEXT NOT NULL);
CREATE TABLE trail(seq INTEGER PRIMARY KEY, case_id TEXT NOT NULL, version INTEGER NOT NULL, entry TEXT NOT NULL, UNIQUE(case_id, version));
CREATE TEMP TABLE clock(t0 REAL);
INSERT INTO clock VALUES (julianday('now'));
`)
		for _, line := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
			var ev struct {
				Type string `json:"type"`
				Case string `json:"case"`
			}
			if err := json.Unmarshal(line, &ev); err != nil {
				return err
			}
			id, typ, entry := sqlString(ev.Case), sqlString(ev.Type), sqlString(string(line))
			fmt.Fprintf(w, "BEGIN IMMEDIATE;\n"+
				"INSERT INTO trail(case_id, version, entry) VALUES (%s, (SELECT coalesce(max(version), 0) + 1 FROM trail WHERE case_id = %s), %s);\n"+
				"INSERT INTO cases(id, version, last_event) VALUES (%s, 1, %s) ON CONFLICT(id) DO UPDATE SET version = version + 1, last_event = excluded.last_event;\n"+
				"COMMIT;\n", id, id, entry, id, typ)
		}
		w.WriteString(`SELECT 'seconds', (julianday('now') - t0) * 86400.0 FROM clock;
SELECT 'cases', count(*), coalesce(sum(version), 0) FROM cases;
SELECT 'entries', count(*) FROM trail;
`)
		return nil
	})
}

// sqlString quotes s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
