package complaint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The helper process of the file store tests: the test binary re-executed
// with helperEnv set to a command.
const helperEnv = "COMPLAINT_FILESTORE_HELPER"

func TestMain(m *testing.M) {
	if cmd := os.Getenv(helperEnv); cmd != "" {
		os.Exit(fileStoreHelper(cmd))
	}
	os.Exit(m.Run())
}

// fileStoreHelper runs one command in a helper process and prints its
// outcome on standard output.
func fileStoreHelper(cmd string) int {
	ctx := context.Background()
	verb, path, _ := strings.Cut(cmd, ":")
	switch verb {
	case "append", "wait": // open the store (waiting for it), receive case B, close
		var s *FileStore
		var err error
		if verb == "wait" {
			// Tell the test the file is locked, then wait for it.
			if _, err := OpenFileStore(path, FileOptions{}); !errors.Is(err, ErrLocked) {
				fmt.Println("ERR the file was not locked:", err)
				return 1
			}
			if err := os.WriteFile(path+".waiting", nil, 0o644); err != nil {
				fmt.Println("ERR", err)
				return 1
			}
			wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			s, err = OpenFileStoreContext(wctx, path, FileOptions{})
		} else {
			s, err = OpenFileStore(path, FileOptions{})
		}
		if err != nil {
			fmt.Println("ERR locked =", errors.Is(err, ErrLocked), err)
			return 0
		}
		defer s.Close()
		d, err := NewDesk(DeskConfig{Store: s})
		if err == nil {
			_, err = d.Apply(ctx, Event{Type: Receive, Case: "B", At: at(1), Actor: "luis", Intake: claimIntake()})
		}
		if err != nil {
			fmt.Println("ERR", err)
			return 1
		}
		fmt.Println("OK")
		return 0
	}
	fmt.Println("ERR unknown helper command", cmd)
	return 2
}

// helper runs the test binary as a helper process with cmd and returns
// what it printed.
func helper(t *testing.T, cmd string) string {
	t.Helper()
	out, err := runHelper(cmd)
	require.NoError(t, err, "helper %s: %s", cmd, out)
	return out
}

func runHelper(cmd string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	c := exec.Command(exe, "-test.run=^$")
	c.Env = append(os.Environ(), helperEnv+"="+cmd)
	out, err := c.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// TestFileStoreSecondProcess is defect 1 of issue 12: two processes on one
// trail file both appended at their cached size; both appends returned
// success and one case was overwritten, the file still verifying. A second
// process must be refused with an error naming the path, and no
// acknowledged case may be lost.
func TestFileStoreSecondProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	s, err := OpenFileStore(path, FileOptions{})
	require.NoError(t, err)
	out := helper(t, "append:"+path) // another OS process opens the same file
	d, err := NewDesk(DeskConfig{Store: s})
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Receive, Case: "A", At: at(0), Actor: "ana", Intake: claimIntake()})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	again, err := OpenFileStore(path, FileOptions{})
	require.NoError(t, err)
	defer again.Close()
	entries, err := again.Entries(ctx, 0)
	require.NoError(t, err)
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.Event.Case)
	}
	if out == "OK" {
		assert.ElementsMatch(t, []string{"A", "B"}, ids, "both processes were told their case was recorded")
	}
	assert.True(t, strings.HasPrefix(out, "ERR locked = true"), "the second process opened the locked file: %s", out)
	assert.Contains(t, out, path)
}

// TestFileStoreLockInOneProcess: a second open in the same process is
// refused too, with ErrLocked naming the file; closing releases the lock;
// OpenFileStoreContext gives up when its context ends.
func TestFileStoreLockInOneProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	s, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	_, err = OpenFileStore(path, FileOptions{NoSync: true})
	require.ErrorIs(t, err, ErrLocked)
	assert.Contains(t, err.Error(), path)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = OpenFileStoreContext(ctx, path, FileOptions{NoSync: true})
	require.ErrorIs(t, err, ErrLocked)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NoError(t, s.Close())
	again, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err, "closing released the lock")
	require.NoError(t, again.Close())
}

// TestFileStoreWaitsForTheLock: a second process waiting under its context
// opens the file once the first closes it, and both cases are kept.
func TestFileStoreWaitsForTheLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	s, err := OpenFileStore(path, FileOptions{})
	require.NoError(t, err)
	d, err := NewDesk(DeskConfig{Store: s})
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Receive, Case: "A", At: at(0), Actor: "ana", Intake: claimIntake()})
	require.NoError(t, err)
	type result struct {
		out string
		err error
	}
	done := make(chan result)
	go func() {
		out, err := runHelper("wait:" + path)
		done <- result{out, err}
	}()
	var r result
wait: // until the helper found the file locked and waits for it
	for {
		select {
		case r = <-done:
			t.Fatalf("the helper stopped before waiting: %s %v", r.out, r.err)
		case <-time.After(10 * time.Millisecond):
			if _, err := os.Stat(path + ".waiting"); err == nil {
				break wait
			}
		}
	}
	require.NoError(t, s.Close())
	r = <-done
	require.NoError(t, r.err, r.out)
	assert.Equal(t, "OK", r.out)
	again, err := OpenFileStore(path, FileOptions{})
	require.NoError(t, err)
	defer again.Close()
	n, err := again.Count(ctx, Query{})
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

// TestFileStoreBatchCutAtEveryByte is defect 4 of issue 12: a multi-entry
// append was written one line per entry, so a crash that tore the second
// line kept the first. Cutting the file at every byte of a two-entry batch
// must keep both entries or neither.
func TestFileStoreBatchCutAtEveryByte(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "trail.jsonl")
	s, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	_, err = s.Append(ctx, "A", 0, []Entry{{Version: 1, To: Received, Event: Event{Type: Receive, Case: "A", At: at(0), Actor: "ana", Intake: claimIntake()}}})
	require.NoError(t, err)
	before, err := os.ReadFile(path)
	require.NoError(t, err)
	note := func(v uint64) Entry {
		return Entry{Version: v, From: Received, To: Received, Event: Event{Type: Note, Case: "A", At: at(int(v)), Actor: "ana", Note: fmt.Sprint("note ", v)}}
	}
	_, err = s.Append(ctx, "A", 1, []Entry{note(2), note(3)})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	full, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(full, before))
	for cut := len(before); cut <= len(full); cut++ {
		p := filepath.Join(dir, fmt.Sprintf("cut-%d.jsonl", cut))
		require.NoError(t, os.WriteFile(p, full[:cut], 0o644))
		c, err := OpenFileStore(p, FileOptions{NoSync: true})
		require.NoError(t, err, "cut at byte %d", cut)
		got, err := c.Load(ctx, "A")
		require.NoError(t, err)
		want := 1
		if cut == len(full) {
			want = 3
		}
		require.Len(t, got, want, "cut at byte %d of %d: the batch is all or none", cut, len(full))
		require.NoError(t, c.Close())
		require.NoError(t, os.Remove(p))
	}
}
