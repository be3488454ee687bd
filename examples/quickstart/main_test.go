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
		// Every chart: SLA compliance and burn-down; SERVQUAL gaps and IPA;
		// satisfaction per moment and funnel; cases per function and the two
		// Paretos of complaints; three customer distributions; the PDCA panel
		// and control chart.
		if counts["svg"] != 14 {
			t.Errorf("%d charts, want 14", counts["svg"])
		}
		if strings.Contains(string(page), "NaN") || strings.Contains(string(page), ">No data<") || strings.Contains(string(page), ">Sin datos<") {
			t.Error("the sample month leaves a chart empty")
		}
	}
}

// TestRunMarkdown checks that -md writes the same report as Markdown, with
// a heading per section.
func TestRunMarkdown(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "r.md")
	if err := run(io.Discard, options{out: filepath.Join(dir, "r.html"), md: md, lang: report.Spanish}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n## "); n != len(parts) {
		t.Errorf("%d section headings, want %d", n, len(parts))
	}
	if !strings.Contains(string(b), "| Objetivo |") {
		t.Error("the SLA table is not in Spanish Markdown")
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

// TestRunEmptyInput checks that empty user files give a report whose charts
// say "no data", not an error or a broken chart.
func TestRunEmptyInput(t *testing.T) {
	dir := t.TempDir()
	empty := emptyLog(t, dir)
	out := filepath.Join(dir, "r.html")
	var buf strings.Builder
	if err := run(&buf, options{out: out, lang: report.English, tickets: empty, encounters: empty}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"No data: No ticket was evaluated", "No data: No moment of truth has a rating", "No data: No journey was recorded"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(buf.String(), "completed") {
		t.Errorf("the summary gives a completion share of no calls:\n%s", buf.String())
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

// TestRunReadsJSONLines: -encounters reads JSON lines as well as a JSON
// array (the journey example ships JSON lines).
func TestRunReadsJSONLines(t *testing.T) {
	dir := t.TempDir()
	lines := filepath.Join(dir, "calls.jsonl")
	log := `{"case":"c1","moment":"welcome","at":"2026-03-02T09:00:00Z","rating":4}` + "\n" +
		`{"case":"c1","moment":"handling","at":"2026-03-02T09:05:00Z","rating":5}` + "\n" +
		`{"case":"c1","moment":"farewell","at":"2026-03-02T09:09:00Z","rating":5}` + "\n"
	if err := os.WriteFile(lines, []byte(log), 0o644); err != nil {
		t.Fatal(err)
	}
	encounters, err := loadEncounters(lines, momentIDs(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(encounters) != 3 {
		t.Fatalf("read %d encounters, want 3", len(encounters))
	}
}
