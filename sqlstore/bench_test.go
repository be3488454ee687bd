package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
	"github.com/servuction/servuction/sqlstore/internal/pgtest"
)

// seedsFlow is the seeds' call-centre flow of one claim, 10 transitions:
// received, acknowledged, assigned, started, escalated with a hand-off note,
// started by the network member, resolved, callback scheduled, called back,
// closed.
func seedsFlow(id string) []complaint.Event {
	at := func(m int) time.Time { return base.Add(time.Duration(m) * time.Minute) }
	return []complaint.Event{
		{Type: complaint.Receive, Case: id, At: at(0), Actor: "ana", Tier: complaint.Advisor, Intake: &complaint.Intake{
			Kind: complaint.Claim, Severity: complaint.SeverityHigh, Customer: "CUST-42", Subject: "no internet for three days",
			RemedySought: "credit for the days without service"}},
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

// BenchmarkDurableTransitions measures transitions per second committed
// durably, one transaction each, against a raw SQLite baseline measured in
// the same loop: each iteration makes one single-row insert (a row the size
// of a trail entry, its own transaction) into a SQLite file in WAL mode with
// synchronous=FULL (and, for a NORMAL store, also NORMAL), then one transition,
// and times each, so both see the same machine (this one is shared and
// noisy). It reports transitions/s, raw-inserts/s and ratio, the store's
// rate over the baseline's; ns/op is the pair. "desk" applies the seeds' flow
// through a complaint.Desk (read the case, decide, append); "append" is the
// store's Append alone. PostgreSQL runs with the server's default
// synchronous_commit=on, when a server is available; its "raw" pair inserts
// into PostgreSQL instead, for comparison.
func BenchmarkDurableTransitions(b *testing.B) {
	for _, sync := range []sqlstore.Synchronous{sqlstore.SynchronousFull, sqlstore.SynchronousNormal} {
		for _, mode := range []string{"append", "desk"} {
			// The baseline is durable (FULL); a NORMAL store is also run
			// against a NORMAL baseline, the stricter comparison.
			baselines := []sqlstore.Synchronous{sqlstore.SynchronousFull}
			if sync == sqlstore.SynchronousNormal {
				baselines = append(baselines, sqlstore.SynchronousNormal)
			}
			for _, raw := range baselines {
				b.Run(fmt.Sprintf("sqlite-%s/synchronous=%s/baseline=%s", mode, sync, raw), func(b *testing.B) {
					s := openAt(b, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"), sqlstore.Options{Synchronous: sync})
					benchPair(b, rawSQLite(b, raw), transitions(b, s, mode))
				})
			}
		}
	}
	for _, mode := range []string{"append", "desk", "raw"} {
		b.Run("postgres-"+mode+"/synchronous_commit=on/baseline=full", func(b *testing.B) {
			s := openAt(b, "postgres:"+pgtest.WithParam(pgtest.Require(b).Schema(b), "synchronous_commit", "on"), sqlstore.Options{})
			var sc string
			if err := s.DB().QueryRow("SHOW synchronous_commit").Scan(&sc); err != nil || sc != "on" {
				b.Fatalf("synchronous_commit = %q, %v; want on", sc, err)
			}
			if mode == "raw" {
				benchPair(b, rawSQLite(b, sqlstore.SynchronousFull), rawInsert(b, s.DB(), "$1, $2", "BYTEA"))
				return
			}
			benchPair(b, rawSQLite(b, sqlstore.SynchronousFull), transitions(b, s, mode))
		})
	}
}

// benchPair runs raw then step b.N times, timing each apart.
func benchPair(b *testing.B, raw, step func(i int)) {
	b.ReportAllocs()
	var tRaw, tStep time.Duration
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		raw(i)
		t1 := time.Now()
		step(i)
		tStep += time.Since(t1)
		tRaw += t1.Sub(t0)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/tStep.Seconds(), "transitions/s")
	b.ReportMetric(float64(b.N)/tRaw.Seconds(), "raw-inserts/s")
	b.ReportMetric(tRaw.Seconds()/tStep.Seconds(), "ratio")
}

// rawSQLite returns the baseline: single-row inserts into a new SQLite file
// in WAL mode with the synchronous setting sync.
func rawSQLite(b *testing.B, sync sqlstore.Synchronous) func(int) {
	dsn := fmt.Sprintf("file:%s?_journal_mode=WAL&_synchronous=%s&_busy_timeout=60000",
		filepath.Join(b.TempDir(), "raw.db"), strings.ToUpper(sync.String()))
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return rawInsert(b, db, "?, ?", "BLOB")
}

// rawInsert creates a table raw and returns a function inserting row i+1.
func rawInsert(b *testing.B, db *sql.DB, params, blob string) func(int) {
	if _, err := db.Exec("CREATE TABLE raw (id BIGINT PRIMARY KEY, body " + blob + " NOT NULL)"); err != nil {
		b.Fatal(err)
	}
	insert, err := db.Prepare("INSERT INTO raw (id, body) VALUES (" + params + ")")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { insert.Close() })
	row := entryBytes(b)
	return func(i int) {
		if _, err := insert.Exec(i+1, row); err != nil {
			b.Fatal(err)
		}
	}
}

// entryBytes is the canonical encoding of a typical trail entry, the
// baseline's row.
func entryBytes(b *testing.B) []byte {
	e := complaint.Entry{Version: 5, From: complaint.InProgress, To: complaint.Assigned, Event: seedsFlow("K-1")[4]}
	out, _, err := complaint.AppendSealed(nil, complaint.Head{Seq: 41, Hash: strings.Repeat("0f", 32)}, e)
	if err != nil {
		b.Fatal(err)
	}
	return out
}

// transitions returns a function making transition i of the seeds' flow,
// case after case, through a desk or straight to the store's Append.
func transitions(b *testing.B, s *sqlstore.Store, mode string) func(int) {
	ctx := context.Background()
	if mode == "desk" {
		desk, err := complaint.NewDesk(complaint.DeskConfig{Store: s})
		if err != nil {
			b.Fatal(err)
		}
		return func(i int) {
			if _, err := desk.Apply(ctx, seedsFlow(fmt.Sprint("K-", i/10))[i%10]); err != nil {
				b.Fatal(err)
			}
		}
	}
	entries := flowEntries(b)
	return func(i int) {
		id, step := fmt.Sprint("K-", i/10), i%10
		e := entries[step]
		e.Event.Case = id
		if _, err := s.Append(ctx, id, uint64(step), []complaint.Entry{e}); err != nil {
			b.Fatal(err)
		}
	}
}

// flowEntries decides the seeds' flow once, in memory, for the append
// benchmarks.
func flowEntries(b *testing.B) []complaint.Entry {
	mem := complaint.NewMemStore()
	d, err := complaint.NewDesk(complaint.DeskConfig{Store: mem})
	if err != nil {
		b.Fatal(err)
	}
	for _, ev := range seedsFlow("K") {
		if _, err := d.Apply(context.Background(), ev); err != nil {
			b.Fatal(err)
		}
	}
	entries, err := mem.Load(context.Background(), "K")
	if err != nil {
		b.Fatal(err)
	}
	for i := range entries {
		entries[i].Seq, entries[i].Prev, entries[i].Hash = 0, "", ""
	}
	return entries
}

// overdueStores holds the 100 000-case stores of BenchmarkQueryOverdue,
// built once per test binary.
var overdueStores sync.Map // dialect name -> *sqlstore.Store

// overdueAt is the instant of BenchmarkQueryOverdue's question: a tenth of
// the cases are overdue then.
var overdueAt = base.Add(10_000 * time.Minute)

// storeOf100k returns a store holding 100 000 received cases whose SLA
// clocks fall due one minute apart from base, in a shuffled order of
// receipt.
func storeOf100k(b *testing.B, name, addr string) *sqlstore.Store {
	if s, ok := overdueStores.Load(name); ok {
		return s.(*sqlstore.Store)
	}
	s, err := sqlstore.Open(context.Background(), addr, sqlstore.Options{Synchronous: sqlstore.SynchronousNormal})
	if err != nil {
		b.Fatal(err)
	}
	const n = 100_000
	start := time.Now()
	rng := rand.New(rand.NewPCG(100, 0))
	ctx := context.Background()
	for _, i := range rng.Perm(n) {
		id := fmt.Sprintf("C-%06d", i)
		e := receive(id)
		e.DueAt = base.Add(time.Duration(i) * time.Minute)
		e.RiskAt = e.DueAt.Add(-30 * time.Minute)
		if _, err := s.Append(ctx, id, 0, []complaint.Entry{e}); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: 100 000 cases appended in %v", name, time.Since(start).Round(time.Second))
	overdueStores.Store(name, s)
	return s
}

// BenchmarkQueryOverdue answers "overdue cases, first page of 50" among
// 100 000 cases (10 000 of them overdue) in due order (most overdue first:
// a range of the due index, read in order) and in receipt order (the due
// index, then a sort of the matches: its cost grows with the number of
// overdue cases, not of all cases), and counts them. Building the store
// takes a minute or two; it is built once per run.
func BenchmarkQueryOverdue(b *testing.B) {
	dir, err := os.MkdirTemp("", "sqlstore-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	s := storeOf100k(b, "sqlite", "sqlite:"+filepath.Join(dir, "100k.db"))
	ctx := context.Background()
	for _, order := range []complaint.Order{complaint.ByDue, complaint.ByReceipt} {
		b.Run("sqlite/first-page-of-50/order="+order.String(), func(b *testing.B) {
			b.ReportAllocs()
			q := complaint.Query{SLA: complaint.SLAOverdue, At: overdueAt, Order: order, Limit: 50}
			for b.Loop() {
				p, err := s.Query(ctx, q)
				if err != nil || len(p.Cases) != 50 || p.Next == "" {
					b.Fatalf("%d cases, next %q, %v", len(p.Cases), p.Next, err)
				}
			}
		})
	}
	b.Run("sqlite/count", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n, err := s.Count(ctx, complaint.Query{SLA: complaint.SLAOverdue, At: overdueAt})
			if err != nil || n != 10_000 {
				b.Fatalf("Count = %d, %v; want 10000", n, err)
			}
		}
	})
}
