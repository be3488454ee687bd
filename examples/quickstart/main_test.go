package main

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servuction/servuction/report"
)

// TestRun runs the quickstart in both languages and checks that the page is
// well-formed, has a chart in every section and prints its path.
func TestRun(t *testing.T) {
	for _, l := range []report.Lang{report.English, report.Spanish} {
		out := filepath.Join(t.TempDir(), "r.html")
		var buf strings.Builder
		if err := run(&buf, options{out: out, lang: l}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), out) {
			t.Errorf("summary does not print the report's path:\n%s", buf.String())
		}
		page, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		dec := xml.NewDecoder(strings.NewReader(string(page)))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("page is not well-formed: %v", err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				counts[se.Name.Local]++
			}
		}
		if counts["section"] != len(parts) {
			t.Errorf("%d sections, want one per part (%d)", counts["section"], len(parts))
		}
		if counts["svg"] < counts["section"] {
			t.Errorf("%d charts for %d sections", counts["svg"], counts["section"])
		}
		if strings.Contains(string(page), "NaN") || strings.Contains(string(page), ">No data<") || strings.Contains(string(page), ">Sin datos<") {
			t.Error("the sample month leaves a chart empty")
		}
	}
}

// TestRunBadInput checks that bad user files give clear errors naming them.
func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "tickets.json")
	if err := os.WriteFile(bad, []byte(`[{"id":"T-1","priority":"whenever","events":[]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	badCSV := filepath.Join(dir, "survey.csv")
	if err := os.WriteFile(badCSV, []byte("E1,P1\n9,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badLog := filepath.Join(dir, "log.json")
	if err := os.WriteFile(badLog, []byte(`[{"case":"a","moment":"wait","at":"yesterday"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		o    options
		want string
	}{
		{"missing tickets file", options{tickets: filepath.Join(dir, "none.json")}, "-tickets"},
		{"bad tickets file", options{tickets: bad}, "tickets.json"},
		{"bad survey file", options{survey: badCSV}, "survey.csv"},
		{"missing survey file", options{survey: filepath.Join(dir, "none.csv")}, "-survey"},
		{"bad call log", options{encounters: badLog}, "log.json"},
		{"empty call log", options{encounters: emptyLog(t, dir)}, "no encounter"},
		{"unwritable output", options{out: filepath.Join(dir, "no", "such", "dir.html")}, "dir.html"},
	}
	for _, tt := range tests {
		if tt.o.out == "" {
			tt.o.out = filepath.Join(dir, "r.html")
		}
		err := run(io.Discard, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error mentioning %q", tt.name, err, tt.want)
		}
	}
}

func emptyLog(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(p, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
