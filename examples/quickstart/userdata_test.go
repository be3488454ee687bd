package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/servicecycle"
)

// write puts text in a file of dir and returns its path.
func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runPage runs the quickstart with o, in dir, and returns the page and the
// terminal summary.
func runPage(t *testing.T, dir string, o options) (page, summary string) {
	t.Helper()
	o.out = filepath.Join(dir, "r.html")
	var b strings.Builder
	if err := run(&b, o); err != nil {
		t.Fatal(err)
	}
	p, err := os.ReadFile(o.out)
	if err != nil {
		t.Fatal(err)
	}
	return string(p), b.String()
}

// novemberTickets are two tickets of November 2025 (Bogotá, UTC−5): one
// answered and resolved within its targets, one high-priority ticket opened
// on Friday 14 November at 16:00 and still open.
const novemberTickets = `[
 {"id":"N-1","priority":"normal","events":[{"kind":"opened","at":"2025-11-03T09:00:00-05:00"},
   {"kind":"agent-replied","at":"2025-11-03T10:00:00-05:00"},{"kind":"resolved","at":"2025-11-04T09:00:00-05:00"}]},
 {"id":"N-2","priority":"high","events":[{"kind":"opened","at":"2025-11-14T16:00:00-05:00"}]}
]`

// TestUserTicketsAtTheirLatestEvent is issue 18's first quickstart defect:
// -tickets evaluated at a fixed instant in 2026-04-01 refused a November
// ticket... or, for a 2025 file, judged its open tickets months later. The
// tickets are evaluated at their latest event, the period is named from the
// data, the "simulated sample data" subtitle is gone, and sections for data
// the user did not supply are left out rather than mixed in.
func TestUserTicketsAtTheirLatestEvent(t *testing.T) {
	dir := t.TempDir()
	tickets := write(t, dir, "tickets.json", novemberTickets)
	for _, l := range []report.Lang{report.English, report.Spanish} {
		page, summary := runPage(t, dir, options{lang: l, tickets: tickets})
		month := tr(l, "November 2025", "Noviembre de 2025")
		if !strings.Contains(page, "<p>"+month+" · ") {
			t.Errorf("%s: the subtitle does not name %q", l, month)
		}
		for _, not := range []string{"simulated", "simulados", "March 2026", "marzo de 2026", "Marzo de 2026"} {
			if strings.Contains(page, not) {
				t.Errorf("%s: the page says %q", l, not)
			}
		}
		// Only the SLA section: no sample survey, journey, complaints,
		// customers or PDCA, and no sample outages (availability, alerts).
		if n := strings.Count(page, "<section "); n != 1 {
			t.Errorf("%s: %d sections, want only the SLA's", l, n)
		}
		for _, not := range []string{tr(l, "Error budget", "presupuesto de error"), tr(l, "burn-rate", "tasa de consumo"), "SERVQUAL", "PDCA", "PHVA"} {
			if strings.Contains(page, not) {
				t.Errorf("%s: the page shows sample data: %q", l, not)
			}
		}
		// Evaluated on Friday 14 November at 16:00, the latest event: N-2
		// has just been opened, it is open, not breached.
		at := tr(l, "Tickets evaluated: 2 (as of 2025-11-14 16:00)", "Tiquetes evaluados: 2 (al 2025-11-14 16:00)")
		if !strings.Contains(summary, at) {
			t.Errorf("%s: the summary does not say %q:\n%s", l, at, summary)
		}
		if !strings.Contains(page, `<td class="num">1</td><td class="num">0</td><td class="num">1</td>`) {
			t.Errorf("%s: the first-response row is not 1 met, 0 breached, 1 open", l)
		}
	}
}

// TestUserTicketsNow: -now sets the evaluation instant; an event after it is
// refused with an error naming the flag.
func TestUserTicketsNow(t *testing.T) {
	dir := t.TempDir()
	tickets := write(t, dir, "tickets.json", novemberTickets)
	// Monday 17 November 12:00: N-2 (high, first response due in 1 business
	// hour from Friday 16:00, Bogotá hours 08–18 and Saturday 08–13) is
	// breached by then.
	now := time.Date(2025, 11, 17, 12, 0, 0, 0, time.FixedZone("COT", -5*3600))
	page, _ := runPage(t, dir, options{lang: report.English, tickets: tickets, now: now})
	if !strings.Contains(page, `<td class="num">1</td><td class="num">1</td><td class="num">0</td>`) {
		t.Error("at -now the first-response row is not 1 met, 1 breached, 0 open")
	}
	early := time.Date(2025, 11, 10, 0, 0, 0, 0, time.UTC)
	err := run(io.Discard, options{out: filepath.Join(dir, "r.html"), lang: report.English, tickets: tickets, now: early})
	if err == nil || !strings.Contains(err.Error(), "-now") || !strings.Contains(err.Error(), "N-2") {
		t.Errorf("an event after -now: got %v, want an error naming -now and the ticket", err)
	}
	if _, err := parseNow("yesterday"); err == nil || !strings.Contains(err.Error(), `"yesterday"`) {
		t.Errorf("parseNow(yesterday) = %v", err)
	}
	got, err := parseNow("2025-11-17")
	if err != nil || !got.Equal(time.Date(2025, 11, 17, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("parseNow(2025-11-17) = %v, %v, want midnight in Bogotá", got, err)
	}
}

// TestUserMonthOfOpenTickets: a month whose tickets are all still open says
// "no ticket decided yet" in the summary, the figures, the chart and the
// table, never 0 % in red or "no ticket was evaluated".
func TestUserMonthOfOpenTickets(t *testing.T) {
	dir := t.TempDir()
	tickets := write(t, dir, "open.json", `[
 {"id":"O-1","priority":"low","events":[{"kind":"opened","at":"2025-02-03T09:00:00-05:00"}]},
 {"id":"O-2","priority":"normal","events":[{"kind":"opened","at":"2025-02-03T09:30:00-05:00"}]}]`)
	for _, l := range []report.Lang{report.English, report.Spanish} {
		page, summary := runPage(t, dir, options{lang: l, tickets: tickets})
		none := tr(l, "no ticket decided yet", "ningún tiquete decidido aún")
		if !strings.Contains(summary, none) {
			t.Errorf("%s: the summary does not say %q:\n%s", l, none, summary)
		}
		if n := strings.Count(page, none); n < 4 { // two figures, the table, the chart
			t.Errorf("%s: the page says %q %d times, want it in the figures, the chart and the table", l, none, n)
		}
		for _, not := range []string{"0.0 %", "0,0 %", tr(l, "No ticket was evaluated", "Ningún tiquete se evaluó"), `kpi bad`} {
			if strings.Contains(page, not) {
				t.Errorf("%s: the page shows %q", l, not)
			}
		}
	}
}

// TestUserEncounters: -encounters reads a JSON array and JSON lines alike,
// refuses an unknown field and an unknown moment with the line they are on,
// and leaves the sample's service triangle out.
func TestUserEncounters(t *testing.T) {
	dir := t.TempDir()
	lines := `{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00","rating":4}
{"case":"c1","moment":"wait","at":"2026-05-04T09:01:00-05:00","rating":3,"duration":"4m"}

{"case":"c1","moment":"handling","at":"2026-05-04T09:05:00-05:00","rating":5}
{"case":"c1","moment":"farewell","at":"2026-05-04T09:12:00-05:00","rating":5}
`
	array := "[" + strings.Join(strings.Fields(strings.ReplaceAll(lines, "\n", " ")), " ") + "]"
	array = strings.ReplaceAll(array, "} {", "}, {")
	for name, text := range map[string]string{"calls.jsonl": lines, "calls.json": array} {
		path := write(t, dir, name, text)
		log, err := loadEncounters(path, momentIDs(t))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(log) != 4 || log[1].Duration != 4*time.Minute {
			t.Errorf("%s: read %d encounters (%v)", name, len(log), log)
		}
	}
	page, _ := runPage(t, dir, options{lang: report.Spanish, encounters: filepath.Join(dir, "calls.jsonl")})
	if strings.Contains(page, "Triángulo del servicio") || strings.Count(page, "<section ") != 1 {
		t.Error("the page mixes in the sample's service triangle or other sections")
	}
	if !strings.Contains(page, "<p>Mayo de 2026 · ") {
		t.Error("the subtitle does not name May 2026")
	}

	bad := []struct{ name, text, want string }{
		{"typo.jsonl", `{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00"}` + "\n" +
			`{"case":"c1","moment":"wait","at":"2026-05-04T09:01:00-05:00","reson":"x"}`, `line 2: unknown field "reson"`},
		{"moment.jsonl", `{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00"}` + "\n\n" +
			`{"case":"c1","moment":"wiat","at":"2026-05-04T09:01:00-05:00"}`, `line 3: moment "wiat" is not in the cycle (want one of welcome, wait, handling, follow-up, farewell)`},
		{"moment.json", "[\n" + `{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00"},` + "\n" +
			`{"case":"c1","moment":"wiat","at":"2026-05-04T09:01:00-05:00"}]`, `line 3: moment "wiat"`},
		{"syntax.jsonl", `{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00"}` + "\n" + `{"case":"c1",,}`, "line 2, column 14"},
		{"syntax.json", "[\n  {\"case\": 1}\n]", `line 2: `},
		{"rating.jsonl", `{"case":"c1","moment":"wait","at":"2026-05-04T09:01:00-05:00","rating":9}`, "line 1: servicecycle: encounter"},
		{"scalar.json", `"calls"`, "want a JSON array or JSON lines of objects"},
	}
	for _, b := range bad {
		_, err := loadEncounters(write(t, dir, b.name, b.text), momentIDs(t))
		if err == nil || !strings.Contains(err.Error(), b.want) || !strings.Contains(err.Error(), b.name) {
			t.Errorf("%s: got %v, want an error naming the file and %q", b.name, err, b.want)
		}
		if err != nil && !errors.Is(err, errBadInput) {
			t.Errorf("%s: %v does not wrap errBadInput", b.name, err)
		}
	}
}

// momentIDs are the ids of the quickstart's cycle of service.
func momentIDs(t *testing.T) []string {
	t.Helper()
	cyc, err := callCycle(report.English)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range cyc.Moments() {
		ids = append(ids, m.ID)
	}
	return ids
}

// TestUsage: -h lists the valid moment ids and each file's expected fields
// and columns, in the language -lang asks for.
func TestUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"-h"}, []string{"Usage:", "instead of their latest event", "required"}},
		{[]string{"-lang", "es", "-h"}, []string{"Uso:", "en vez de su último evento", "obligatorio"}},
		{[]string{"--lang=español", "-h"}, []string{"Uso:"}},
	} {
		l := langOf(tt.args)
		var o options
		var lang, now string
		fs := newFlags(l, &o, &lang, &now)
		var b strings.Builder
		fs.SetOutput(&b)
		if err := fs.Parse(tt.args); !errors.Is(err, flag.ErrHelp) {
			t.Fatalf("%v: %v, want the help", tt.args, err)
		}
		want := append(tt.want, "-tickets", "-encounters", "-survey", "-now", "welcome, wait, handling, follow-up, farewell",
			"case", "moment", "at", "rating", "duration", "failPoints", "E1", "P22", "opened", "agent-replied", "low, normal, high, urgent", "JSON")
		for _, f := range servicecycle.FailPoints() { // every fail point the log may name
			want = append(want, f.String())
		}
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%v: the help lacks %q:\n%s", tt.args, w, b.String())
			}
		}
	}
}

// TestReadTickets: a bad ticket is named by its line and its place in the
// array; an unknown field is refused.
func TestReadTickets(t *testing.T) {
	_, err := readTickets([]byte("[\n" + `{"id":"A","priority":"low","events":[{"kind":"opened","at":"2025-11-03T09:00:00-05:00"}]},` + "\n" +
		`{"id":"B","priority":"altísima","events":[{"kind":"opened","at":"2025-11-03T09:00:00-05:00"}]}]`))
	if err == nil || !strings.Contains(err.Error(), "line 3 (ticket 2)") || !strings.Contains(err.Error(), "altísima") || !errors.Is(err, errBadInput) {
		t.Errorf("bad priority: %v", err)
	}
	_, err = readTickets([]byte(`[{"id":"A","priority":"low","reson":"x","events":[{"kind":"opened","at":"2025-11-03T09:00:00-05:00"}]}]`))
	if err == nil || !strings.Contains(err.Error(), "reson") {
		t.Errorf("unknown field: %v", err)
	}
	_, err = readTickets([]byte("[\n  {\"id\": \"A\",}\n]"))
	if err == nil || !strings.Contains(err.Error(), "line 2, column 14") {
		t.Errorf("syntax error: %v", err)
	}
}

// FuzzReadEncounters: any file gives encounters or an error wrapping
// errBadInput, never a panic; what is read has known moments and reads back
// the same when written as JSON lines.
func FuzzReadEncounters(f *testing.F) {
	f.Add([]byte(`{"case":"c1","moment":"welcome","at":"2026-05-04T09:00:00-05:00","rating":4}` + "\n"))
	f.Add([]byte(`[{"case":"c1","moment":"wait","at":"2026-05-04T09:01:00-05:00","duration":"4m"}]`))
	f.Add([]byte("[\n {\"case\": 1}\n]"))
	f.Add([]byte(`{"case":"c1",,}`))
	f.Add([]byte(`"x"`))
	moments := []string{"welcome", "wait", "handling", "follow-up", "farewell"}
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := readEncounters(data, moments)
		if err != nil {
			if !errors.Is(err, errBadInput) {
				t.Fatalf("%v does not wrap errBadInput", err)
			}
			return
		}
		var b strings.Builder
		for _, e := range log {
			if !slices.Contains(moments, e.Moment) {
				t.Fatalf("unknown moment %q read", e.Moment)
			}
			j, err := e.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			b.Write(j)
			b.WriteByte('\n')
		}
		again, err := readEncounters([]byte(b.String()), moments)
		if err != nil || len(again) != len(log) {
			t.Fatalf("written back and read again: %d encounters, %v; want %d", len(again), err, len(log))
		}
	})
}

// FuzzReadTickets: any file gives tickets or an error wrapping errBadInput,
// never a panic.
func FuzzReadTickets(f *testing.F) {
	f.Add([]byte(novemberTickets))
	f.Add([]byte("[\n  {\"id\": \"A\",}\n]"))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := readTickets(data); err != nil && !errors.Is(err, errBadInput) {
			t.Fatalf("%v does not wrap errBadInput", err)
		}
	})
}
