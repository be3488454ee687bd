package servicecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
)

func FuzzCycleJSON(f *testing.F) {
	for _, c := range []*Cycle{AttentionCycle(), ConsumerCycle(), branchCycle(), trickyCycle()} {
		b, _ := json.Marshal(c)
		f.Add(b)
	}
	f.Add([]byte(`{"moments":[{"id":"a"},{"id":"b"},{"id":"c"}],"flows":[{"from":"a","to":"b"},{"from":"b","to":"a"},{"from":"b","to":"c"}],"ends":["c"]}`))
	f.Add([]byte(`{"moments":[{"id":"a","standards":{"maxWait":"3d","minRating":2}}],"start":"a","outcome":"a"}`))
	f.Add([]byte(`{"moments":[{"id":"a"},{"id":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Cycle
		if err := json.Unmarshal(data, &c); err != nil {
			if !errors.Is(err, ErrInvalidCycle) && !isJSONSyntax(err) {
				t.Fatalf("error does not wrap ErrInvalidCycle: %v", err)
			}
			return
		}
		out, err := json.Marshal(&c)
		if err != nil {
			t.Fatalf("marshal a valid cycle: %v", err)
		}
		var back Cycle
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip rejected: %v\n%s", err, out)
		}
		again, _ := json.Marshal(&back)
		if string(again) != string(out) {
			t.Fatalf("round trip changed the cycle:\n%s\n%s", out, again)
		}
		// Every valid cycle is drawable, and its start, ends and outcome exist.
		for _, id := range append([]string{c.Start(), c.Outcome()}, c.Ends()...) {
			if _, ok := c.Moment(id); !ok {
				t.Fatalf("cycle names unknown moment %q", id)
			}
		}
		fc := Flowchart(&c, nil)
		if !strings.HasPrefix(fc, "flowchart LR\n") || strings.Count(fc, "[\"") != c.Len() {
			t.Fatalf("bad flowchart:\n%s", fc)
		}
	})
}

func isJSONSyntax(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

// fuzzEncounters reads 6 bytes per encounter: case, moment (ids 6 and 7 are
// unknown to the attention cycle), minute, rating (−1..6), duration, channel
// and fail point.
func fuzzEncounters(data []byte) []Encounter {
	ids := []string{"welcome", "wait", "handling", "follow-up", "farewell", "welcome", "coffee", ""}
	var out []Encounter
	for ; len(data) >= 6; data = data[6:] {
		e := Encounter{
			Case:     string(rune('a' + data[0]%6)),
			Moment:   ids[data[1]%8],
			At:       t0.Add(time.Duration(data[2]) * time.Minute),
			Rating:   int(data[3]%8) - 1,
			Duration: time.Duration(int(data[4])-8) * time.Minute,
			Channel:  servuction.Channel(data[5] % 9),
			Employee: []string{"", "ana", "luis", ""}[data[2]>>6],
		}
		if data[5]&0x80 != 0 {
			e.FailPoints = []FailPoint{FailPoint(data[5] % 16)}
		}
		if data[3]&0x40 != 0 {
			e.EmployeeRating, e.ImageRating = int(data[3]%6), int(data[4]%6)
		}
		out = append(out, e)
	}
	return out
}

func FuzzAnalyze(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x05\x09\x01\x00\x01\x03\x04\x10\x01\x00\x02\x09\x03\x09\x01\x00\x04\x14\x05\x09\x01"))
	f.Add([]byte("\x01\x04\x30\x03\x09\x01\x01\x00\x00\x04\x09\x01\x01\x02\x10\x02\x09\x81\x01\x02\x10\x02\x09\x81\x01\x06\x12\x00\x09\x01"))
	f.Add([]byte("\x02\x07\x00\x09\x00\x09"))
	c := AttentionCycle()
	f.Fuzz(func(t *testing.T, data []byte) {
		log := fuzzEncounters(data)
		one := NewAnalyzer(c)
		halves := [2]*Analyzer{NewAnalyzer(c), NewAnalyzer(c)}
		valid := 0
		for i, e := range log {
			err := one.Add(e)
			if err != nil {
				if !errors.Is(err, ErrInvalidEncounter) {
					t.Fatalf("error does not wrap ErrInvalidEncounter: %v", err)
				}
				if e.Validate() == nil {
					t.Fatalf("Add rejected a valid encounter: %v", err)
				}
				continue
			}
			valid++
			if err := halves[i%2].Add(e); err != nil {
				t.Fatal(err)
			}
		}
		res := one.Result()
		if res.Encounters+res.DuplicateCount != valid {
			t.Fatalf("encounters %d + duplicates %d != valid %d", res.Encounters, res.DuplicateCount, valid)
		}
		if res.Completed > res.Journeys || res.Conforming > res.Completed {
			t.Fatalf("journeys %d, completed %d, conforming %d", res.Journeys, res.Completed, res.Conforming)
		}
		drop, edges, perMoment := 0, 0, 0
		for _, d := range res.DropOff {
			drop += d.Journeys
		}
		for _, e := range res.Edges {
			edges += e.Count
		}
		for _, m := range res.Moments {
			perMoment += m.Encounters
			if m.Satisfaction.N > m.Encounters || m.BelowStandard > m.Measured || m.Journeys > res.Journeys {
				t.Fatalf("moment %s inconsistent: %+v", m.ID, m)
			}
			if m.Satisfaction.N > 0 && (m.Satisfaction.Mean < 1 || m.Satisfaction.Mean > 5) {
				t.Fatalf("moment %s mean %v", m.ID, m.Satisfaction.Mean)
			}
		}
		for _, u := range res.Unknown {
			perMoment += u.Encounters
		}
		if drop != res.Journeys-res.Completed {
			t.Fatalf("drop-offs %d != incomplete journeys %d", drop, res.Journeys-res.Completed)
		}
		if res.Journeys > 0 && edges != res.Encounters-res.Journeys {
			t.Fatalf("transitions %d != encounters %d − journeys %d", edges, res.Encounters, res.Journeys)
		}
		if perMoment != res.Encounters {
			t.Fatalf("per-moment encounters %d != %d", perMoment, res.Encounters)
		}
		// Shards merge to the one-pass result.
		if err := halves[1].Merge(halves[0]); err != nil {
			t.Fatal(err)
		}
		merged := halves[1].Result()
		if DOT(&merged) != DOT(&res) || Flowchart(c, &merged) != Flowchart(c, &res) {
			t.Fatalf("merged shards differ from one pass")
		}
		if mj, _ := json.Marshal(merged); string(mj) != mustJSON(t, res) {
			t.Fatalf("merged analysis differs:\n%s\n%s", mj, mustJSON(t, res))
		}
		_ = JourneyDiagram(c, &res)
	})
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func FuzzEncounterJSON(f *testing.F) {
	f.Add([]byte(`{"case":"A-1","moment":"turno","channel":"autoservicio","at":"2026-03-02T09:00:00Z","rating":3,"duration":"90s","failPoints":["apatía"]}`))
	f.Add([]byte(`{"case":"x","moment":"m","at":"2026-03-02T09:00:00-05:00","duration":"2d","employeeRating":5,"imageRating":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e Encounter
		if err := json.Unmarshal(data, &e); err != nil {
			if !errors.Is(err, ErrInvalidEncounter) && !isJSONSyntax(err) {
				t.Fatalf("error does not wrap ErrInvalidEncounter: %v", err)
			}
			return
		}
		if err := e.Validate(); err != nil {
			t.Fatalf("decoded an invalid encounter: %v", err)
		}
		out, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var back Encounter
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip rejected: %v\n%s", err, out)
		}
		if !back.At.Equal(e.At) || back.Case != e.Case || back.Duration != e.Duration || back.Rating != e.Rating {
			t.Fatalf("round trip changed the encounter: %+v vs %+v", e, back)
		}
	})
}

// fuzzDecoder checks a decoder on arbitrary bytes: it refuses with the
// sentinel (or a JSON syntax error) or accepts a value whose encoding is
// canonical (decode, encode, decode, encode gives the same bytes), and then
// use does not panic.
func fuzzDecoder[T any](t *testing.T, data []byte, sentinel error, use func(*T)) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		if !errors.Is(err, sentinel) && !isJSONSyntax(err) {
			t.Fatalf("error does not wrap %v: %v", sentinel, err)
		}
		return
	}
	out, err := json.Marshal(&v)
	if err != nil {
		t.Fatalf("marshal a decoded value: %v", err)
	}
	var back T
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("round trip rejected: %v\n%s", err, out)
	}
	again, _ := json.Marshal(&back)
	if string(again) != string(out) {
		t.Fatalf("round trip changed the value:\n%s\n%s", out, again)
	}
	use(&back)
}

func aggregateSeeds(f *testing.F) {
	c := branchCycle()
	a, v := NewAggregate(c), NewVariants(c)
	g := NewGrouper(c)
	for _, e := range scenario() {
		_ = g.Add(e)
	}
	for s := range g.Summaries() {
		_ = a.Add(s)
		v.Add(s)
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	for _, x := range []any{a, v, g, &Aggregate{}} {
		b, _ := json.Marshal(x)
		f.Add(b)
	}
}

func FuzzAggregateJSON(f *testing.F) {
	aggregateSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecoder(t, data, ErrInvalidAggregate, func(a *Aggregate) {
			res := a.Result()
			_ = a.Merge(a.clone(t))
			if a.Cycle() != nil {
				_ = Flowchart(a.Cycle(), &res)
				_ = JourneyDiagram(a.Cycle(), &res)
				_ = DOT(&res)
			}
		})
	})
}

// clone copies an aggregate through its encoding.
func (a *Aggregate) clone(t *testing.T) *Aggregate {
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var out Aggregate
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func FuzzJourneySummaryJSON(f *testing.F) {
	aggregateSeeds(f)
	c := branchCycle()
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecoder(t, data, ErrInvalidSummary, func(s *JourneySummary) {
			a := NewAggregate(c)
			if err := a.Add(s); err != nil && !errors.Is(err, ErrInvalidSummary) {
				t.Fatalf("Add: error does not wrap ErrInvalidSummary: %v", err)
			}
			_ = a.Result()
		})
	})
}

func FuzzVariantsJSON(f *testing.F) {
	aggregateSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecoder(t, data, ErrInvalidAggregate, func(v *Variants) { _ = v.Result() })
	})
}

func FuzzGrouperJSON(f *testing.F) {
	aggregateSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecoder(t, data, ErrInvalidAggregate, func(g *Grouper) {
			a := Analyzer{g: *g}
			_ = a.Result()
		})
	})
}

// checkRead checks what an event-log reader returned: valid encounters
// only, errors wrapping ErrInvalidLog, each naming a line.
func checkRead(t *testing.T, got []Encounter, err error) {
	for _, e := range got {
		if verr := e.Validate(); verr != nil {
			t.Fatalf("returned an invalid encounter: %v", verr)
		}
	}
	if err == nil {
		return
	}
	if !errors.Is(err, ErrInvalidLog) {
		t.Fatalf("error does not wrap ErrInvalidLog: %v", err)
	}
	for _, msg := range strings.Split(err.Error(), "\n") { // errors.Join puts one error per line
		if strings.HasPrefix(msg, "servicecycle: ") && !strings.Contains(msg, "line ") && !strings.Contains(msg, "CSV") {
			t.Fatalf("error names no line: %v", msg)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"case":"a","moment":"welcome","at":"2026-03-02T09:00:00Z","rating":4}` + "\n" + `{"case":"a"}`))
	f.Add([]byte("[\n" + `{"case":"a","moment":"m","at":"2026-03-02T09:00:00Z","lifecycle":"start"},` + "\n" + `{"x":1}]`))
	f.Add([]byte("\n\n  [ ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadJSON(bytes.NewReader(data))
		checkRead(t, got, err)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("case,activity,time,rating,channel,employee,lifecycle\nA,m,2026-03-02T09:00:00Z,4,phone,ana,start\nB,m,bad,,,,\n"))
	f.Add([]byte("case,activity,time\n\"a\"b,m,x\n"))
	cols := CSVColumns{Case: "case", Moment: "activity", At: "time", Rating: "rating", Channel: "channel", Employee: "employee", Lifecycle: "lifecycle"}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadCSV(bytes.NewReader(data), cols)
		checkRead(t, got, err)
	})
}
