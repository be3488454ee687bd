package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDD(t *testing.T) {
	// GNU dd's report under LC_ALL=C.
	out := "300+0 records in\n300+0 records out\n210000 bytes (210 kB, 205 KiB) copied, 1.21703 s, 173 kB/s\n"
	s, n, err := parseDD(out, 700, 300)
	if err != nil || n != 300 || s != 1.21703/300 {
		t.Errorf("parseDD = %v, %v, %v; want %v, 300, nil", s, n, err, 1.21703/300)
	}
	for name, bad := range map[string]string{
		"short write": "1000 bytes (1.0 kB) copied, 0.5 s, 2 kB/s\n",
		"no report":   "dd: failed to open 'x': Permission denied\n",
		"zero time":   "210000 bytes (210 kB, 205 KiB) copied, 0 s, inf kB/s\n",
	} {
		if _, _, err := parseDD(bad, 700, 300); err == nil {
			t.Errorf("%s: parseDD accepted %q", name, bad)
		}
	}
}

func TestParseSQLiteOutput(t *testing.T) {
	good := "wal\njournal wal synchronous 2\nseconds 3.5\ncases 3 30\nentries 30\n"
	s, a, err := parseSQLiteOutput(good, 30)
	if err != nil || s != 3.5/30 || a != (durableAnswer{Cases: 3, Entries: 30, Versions: 30}) {
		t.Errorf("parseSQLiteOutput = %v, %+v, %v", s, a, err)
	}
	for name, bad := range map[string]string{
		"not WAL":       strings.Replace(good, "journal wal", "journal delete", 1),
		"not FULL":      strings.Replace(good, "synchronous 2", "synchronous 1", 1),
		"no seconds":    strings.Replace(good, "seconds 3.5\n", "", 1),
		"bad count":     strings.Replace(good, "cases 3 30", "cases x 30", 1),
		"zero seconds":  strings.Replace(good, "seconds 3.5", "seconds 0", 1),
		"empty":         "",
		"no pragma row": strings.Replace(good, "journal wal synchronous 2\n", "", 1),
	} {
		if _, _, err := parseSQLiteOutput(bad, 30); err == nil {
			t.Errorf("%s: parseSQLiteOutput accepted %q", name, bad)
		}
	}
}

// TestFileStoreSide runs our side of the durable rows on the events the
// generator writes, through the file and back.
func TestFileStoreSide(t *testing.T) {
	dir := t.TempDir()
	var events = durableFlow("K-1", 0)
	events = append(events, durableFlow("K-2", 0)...)
	path := filepath.Join(dir, "events.jsonl")
	if err := writeEvents(path, events); err != nil {
		t.Fatal(err)
	}
	parsed, err := readEvents(path)
	if err != nil {
		t.Fatal(err)
	}
	s, a, size, err := runFileStore(context.Background(), filepath.Join(dir, "trail.jsonl"), parsed)
	if err != nil {
		t.Fatal(err)
	}
	if a != (durableAnswer{Cases: 2, Entries: 20, Versions: 20}) || !(s > 0) || size < 20*100 {
		t.Errorf("runFileStore = %v s, %+v, %d bytes", s, a, size)
	}
}
