package sqlstore_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
	"github.com/servuction/servuction/sqlstore/internal/pgtest"
)

// childEnv holds, in a re-executed test binary, the address of the store the
// child process appends to (see TestMain).
const childEnv = "SQLSTORE_TEST_CHILD_ADDR"

// The shape of the two-process run: each process runs workers goroutines,
// each appending at least perWorker notes to the shared cases.
const (
	workers   = 3
	perWorker = 15
)

var sharedCases = []string{"S-1", "S-2"}

// TestTwoProcesses runs two OS processes (this test binary re-executed) that
// append to the same cases of one database at once, and checks that every
// append either process was told succeeded is in the trail, in its place,
// and that the trail verifies: nothing acknowledged is lost, nothing is
// written twice.
func TestTwoProcesses(t *testing.T) {
	t.Run("sqlite-file", func(t *testing.T) {
		twoProcesses(t, "sqlite:"+filepath.Join(t.TempDir(), "shared.db"))
	})
	t.Run("postgres", func(t *testing.T) {
		twoProcesses(t, "postgres:"+pgtest.Require(t).Schema(t))
	})
}

func twoProcesses(t *testing.T, addr string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s := openAt(t, addr, sqlstore.Options{})
	for _, id := range sharedCases {
		seedCase(t, s, id, 0)
	}
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+addr)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(stdout)
	if line, err := out.ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("child: %q, %v; want ready", line, err)
	}
	io.WriteString(stdin, "go\n") // both processes start appending now
	mine, conflicts, err := work(ctx, s, "parent")
	if err != nil {
		t.Error(err)
	}
	theirs, err := readAcks(out)
	if err != nil {
		t.Error(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child process: %v", err)
	}
	t.Logf("%s: parent %d appends (%d conflicts), child %d appends", addr[:strings.Index(addr, ":")], len(mine), conflicts, len(theirs))
	checkAcks(t, s, append(mine, theirs...))
}

// ack is one append a process was told succeeded.
type ack struct {
	caseID  string
	version uint64
	seq     uint64
	text    string
}

// work appends notes from workers goroutines to the shared cases, each until
// it made perWorker appends and the first shared case holds entries of both
// processes interleaved (ours, theirs, ours or the other way round), so the
// processes are known to have written at the same time.
func work(ctx context.Context, s complaint.Store, actor string) ([]ack, int, error) {
	var mu sync.Mutex
	var acks []ack
	var firstErr error
	conflicts := 0
	var wg sync.WaitGroup
	for g := range workers {
		wg.Go(func() {
			for i := 0; ; i++ {
				id := sharedCases[i%len(sharedCases)]
				text := fmt.Sprintf("%s-%d-%d", actor, g, i)
				e, n, err := appendNote(ctx, s, id, actor, text)
				mu.Lock()
				conflicts += n
				if err != nil {
					firstErr = cmpErr(firstErr, fmt.Errorf("%s: %w", text, err))
					mu.Unlock()
					return
				}
				acks = append(acks, ack{id, e.Version, e.Seq, text})
				mu.Unlock()
				if i+1 >= perWorker {
					if done, err := interleaved(ctx, s); err != nil || done {
						mu.Lock()
						firstErr = cmpErr(firstErr, err)
						mu.Unlock()
						return
					}
				}
			}
		})
	}
	wg.Wait()
	return acks, conflicts, firstErr
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// interleaved reports whether the actors of the first shared case's notes
// change at least twice.
func interleaved(ctx context.Context, s complaint.Store) (bool, error) {
	got, err := s.Load(ctx, sharedCases[0])
	if err != nil {
		return false, err
	}
	switches, last := 0, ""
	for _, e := range got[1:] {
		if last != "" && e.Event.Actor != last {
			switches++
		}
		last = e.Event.Actor
	}
	return switches >= 2, nil
}

// runChild is the child process: it opens the store, says it is ready,
// waits for the parent's go, appends and prints one line per acknowledged
// append.
func runChild(addr string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, err := sqlstore.Open(ctx, addr, sqlstore.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	defer s.Close()
	fmt.Println("ready")
	if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil || line != "go\n" {
		fmt.Fprintln(os.Stderr, "child: no go from the parent:", line, err)
		return 1
	}
	acks, _, err := work(ctx, s, "child")
	for _, a := range acks {
		fmt.Printf("ack %s %d %d %s\n", a.caseID, a.version, a.seq, a.text)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	return 0
}

func readAcks(r io.Reader) ([]ack, error) {
	var acks []ack
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 5 || f[0] != "ack" {
			return acks, fmt.Errorf("child printed %q", sc.Text())
		}
		v, err1 := strconv.ParseUint(f[2], 10, 64)
		q, err2 := strconv.ParseUint(f[3], 10, 64)
		if err1 != nil || err2 != nil {
			return acks, fmt.Errorf("child printed %q", sc.Text())
		}
		acks = append(acks, ack{f[1], v, q, f[4]})
	}
	return acks, sc.Err()
}

// checkAcks checks that each acknowledged append is in the trail at the
// sequence number and version it was acknowledged with, that the trail holds
// nothing else, and that it verifies.
func checkAcks(t *testing.T, s *sqlstore.Store, acks []ack) {
	t.Helper()
	ctx := context.Background()
	all, err := s.Entries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(sharedCases) + len(acks); len(all) != want {
		t.Errorf("the trail holds %d entries, want %d seeds and acknowledged appends", len(all), want)
	}
	for _, a := range acks {
		if a.seq == 0 || a.seq > uint64(len(all)) {
			t.Errorf("append %s acknowledged at seq %d, not in the trail", a.text, a.seq)
			continue
		}
		e := all[a.seq-1]
		if e.Event.Case != a.caseID || e.Version != a.version || e.Event.Note != a.text {
			t.Errorf("seq %d: case %s version %d %q, want the acknowledged %s version %d %q",
				a.seq, e.Event.Case, e.Version, e.Event.Note, a.caseID, a.version, a.text)
		}
	}
	head, err := s.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx, head); err != nil {
		t.Errorf("Verify: %v", err)
	}
	if err := complaint.Verify(all, head); err != nil {
		t.Errorf("complaint.Verify: %v", err)
	}
	if _, err := complaint.Replay(all); err != nil {
		t.Errorf("Replay: %v", err)
	}
}
