package complaint

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// eventFrom decodes 4 bytes into an event for case "F".
func eventFrom(b []byte, last time.Time) Event {
	ev := Event{
		Type:  EventType(b[0] % 23), // includes one undefined value
		Case:  "F",
		At:    last.Add(time.Duration(int(b[1])-8) * time.Minute), // sometimes back in time
		Actor: []string{"ana", "luis", "", "eva"}[b[2]%4],
		Tier:  Tier(b[2] >> 2 % 4),
	}
	sel := b[3]
	switch ev.Type {
	case Receive:
		ev.Intake = &Intake{Kind: Kind(sel % 12), Customer: "C-1"}
	case Assign, Escalate:
		ev.ToTier = Tier(sel % 5)
		ev.ToDepartment = Department(sel / 5 % 6)
		ev.Assignee = "luis"
		if sel&1 == 0 {
			ev.Reason, ev.Note = "needs a visit", "hand-off"
		}
	case Resolve:
		ev.Resolution = &Resolution{Outcome: Outcome(sel % 5), Cause: Cause(sel / 5 % 9), Callback: sel&0x80 != 0}
		if sel&0x40 != 0 {
			ev.Resolution.Remedy = "refund"
		}
		if sel&0x20 != 0 {
			ev.Resolution.Justification, ev.Resolution.Alternatives = "policy", []string{"voucher"}
		}
	case ScheduleCallback:
		ev.Due = ev.At.Add(time.Duration(int(sel)-16) * time.Minute)
	case Merge:
		ev.Target = []string{"F", "", "G"}[sel%3]
	case Note:
		ev.Note = "n"
		ev.Public = sel&1 == 1
	case RecordCost:
		ev.Cost = &Cost{Kind: CostKind(sel % 7), Amount: mustMoney([]string{"10 COP", "-1 COP", "5 USD", "0 COP"}[sel/7%4])}
	case RecordChecklist:
		cl, _ := NewChecklist(Protocol(sel%3+1), int(sel%4))
		ev.Checklist = &cl
	case Notified:
		ev.Key = []string{"F#1.1", "nope"}[sel%2]
	}
	return ev
}

// FuzzApply applies arbitrary event sequences through a desk. Invariants: a
// rejected event wraps a sentinel and leaves the case unchanged; nothing but
// a delivery record leaves a terminal state; the trail always verifies and
// replays to the desk's case.
func FuzzApply(f *testing.F) {
	var seed []byte
	for _, ev := range seedsFlow("F") {
		seed = append(seed, byte(ev.Type), 10, 0, 0x40|byte(ProcessCause)*5|byte(Upheld))
	}
	f.Add(seed)
	f.Add([]byte{1, 8, 0, 2, 16, 8, 0, 0, 2, 8, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4*64 {
			data = data[:4*64]
		}
		ctx := context.Background()
		store := NewMemStore()
		d, err := NewDesk(DeskConfig{Store: store, Policy: Policy{MaxCallbackAttempts: 2}})
		if err != nil {
			t.Fatal(err)
		}
		// A second case of the same customer to merge into.
		if _, err := d.Apply(ctx, Event{Type: Receive, Case: "G", At: t0, Actor: "ana", Intake: &Intake{Kind: Claim, Customer: "C-1"}}); err != nil {
			t.Fatal(err)
		}
		var c Case
		last := t0
		for i := 0; i+4 <= len(data); i += 4 {
			ev := eventFrom(data[i:i+4], last)
			next, err := d.Apply(ctx, ev)
			if err != nil {
				if !errors.Is(err, ErrInvalidEvent) && !errors.Is(err, ErrIllegalTransition) && !errors.Is(err, ErrGuard) && !errors.Is(err, ErrNotFound) {
					t.Fatalf("event %d %s: error wraps no sentinel: %v", i/4, ev.Type, err)
				}
				now, lerr := d.Case(ctx, "F")
				if lerr == nil && now.Version != c.Version {
					t.Fatalf("rejected event %s changed the case from version %d to %d", ev.Type, c.Version, now.Version)
				}
				continue
			}
			if c.State.Terminal() && ev.Type != Notified {
				t.Fatalf("event %s accepted in terminal state %s", ev.Type, c.State)
			}
			if !next.State.IsValid() || next.State == StateUnknown {
				t.Fatalf("state %d after %s", next.State, ev.Type)
			}
			if next.State == Closed && next.CallbackRequired && c.State == Resolved {
				t.Fatalf("closed without the required callback")
			}
			c = next
			last = next.UpdatedAt
		}
		trail, err := store.Entries(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(trail, store.ledger.Head()); err != nil {
			t.Fatalf("trail does not verify: %v", err)
		}
		cases, err := Replay(trail)
		if err != nil {
			t.Fatalf("trail does not replay: %v", err)
		}
		if c.Version > 0 {
			got, _ := d.Case(ctx, "F")
			var replayed Case
			for _, rc := range cases {
				if rc.ID == "F" {
					replayed = rc
				}
			}
			if replayed.Version != got.Version || replayed.State != got.State {
				t.Fatalf("replay gives version %d state %s, desk %d %s", replayed.Version, replayed.State, got.Version, got.State)
			}
		}
	})
}

// FuzzReadTrail reads arbitrary bytes as a trail. Invariants: an error wraps
// ErrBrokenTrail; an accepted trail verifies and writes back to a trail that
// reads the same.
func FuzzReadTrail(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteTrail(&buf, trailOf(f)); err != nil {
		f.Fatal(err)
	}
	// Short seeds: the engine minimises every new input, which is slow on
	// long ones.
	lines := bytes.SplitAfter(buf.Bytes(), []byte("\n"))
	f.Add(lines[0])
	f.Add(bytes.Join(lines[:2], nil))
	f.Add([]byte("{}\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ReadTrail(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrBrokenTrail) {
				t.Fatalf("error does not wrap ErrBrokenTrail: %v", err)
			}
			return
		}
		if err := Verify(entries, Head{}); err != nil {
			t.Fatalf("accepted trail does not verify: %v", err)
		}
		var out bytes.Buffer
		if err := WriteTrail(&out, entries); err != nil {
			t.Fatalf("accepted trail does not write: %v", err)
		}
		again, err := ReadTrail(&out)
		if err != nil {
			t.Fatalf("rewritten trail does not read: %v", err)
		}
		if len(again) != len(entries) {
			t.Fatalf("round trip: %d entries, want %d", len(again), len(entries))
		}
		for i := range again {
			if again[i].Hash != entries[i].Hash {
				t.Fatalf("round trip changed entry %d", i+1)
			}
		}
		_, _ = Replay(entries) // must not panic
	})
}

// FuzzParse checks every enum parser: a name that parses prints as a name
// that parses to the same value; an error wraps ErrInvalidValue.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"reclamo", "Queja", "miembro de la red", "servicio técnico", "falta de preparación técnica",
		"en curso", "escalar", "mensaje de texto", "denegar la petición", "cortesía", "abono", "postventa", "español", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(name string, str func() (string, error)) {
			if _, err := str(); err != nil && !errors.Is(err, ErrInvalidValue) {
				t.Fatalf("%s(%q): error does not wrap ErrInvalidValue: %v", name, s, err)
			}
		}
		check("ParseKind", func() (string, error) { v, err := ParseKind(s); return rt(t, v, err, ParseKind) })
		check("ParseState", func() (string, error) { v, err := ParseState(s); return rt(t, v, err, ParseState) })
		check("ParseEventType", func() (string, error) { v, err := ParseEventType(s); return rt(t, v, err, ParseEventType) })
		check("ParseTier", func() (string, error) { v, err := ParseTier(s); return rt(t, v, err, ParseTier) })
		check("ParseDepartment", func() (string, error) { v, err := ParseDepartment(s); return rt(t, v, err, ParseDepartment) })
		check("ParseCause", func() (string, error) { v, err := ParseCause(s); return rt(t, v, err, ParseCause) })
		check("ParseOutcome", func() (string, error) { v, err := ParseOutcome(s); return rt(t, v, err, ParseOutcome) })
		check("ParseFunction", func() (string, error) { v, err := ParseFunction(s); return rt(t, v, err, ParseFunction) })
		check("ParseSeverity", func() (string, error) { v, err := ParseSeverity(s); return rt(t, v, err, ParseSeverity) })
		check("ParseMedium", func() (string, error) { v, err := ParseMedium(s); return rt(t, v, err, ParseMedium) })
		check("ParseProtocol", func() (string, error) { v, err := ParseProtocol(s); return rt(t, v, err, ParseProtocol) })
		check("ParseCostKind", func() (string, error) { v, err := ParseCostKind(s); return rt(t, v, err, ParseCostKind) })
		check("ParseFiveP", func() (string, error) { v, err := ParseFiveP(s); return rt(t, v, err, ParseFiveP) })
		check("ParseLanguage", func() (string, error) { v, err := ParseLanguage(s); return rt(t, v, err, ParseLanguage) })
	})
}

// rt checks that v, when parsed, round-trips through its String.
func rt[T interface {
	~uint8
	String() string
}](t *testing.T, v T, err error, parse func(string) (T, error)) (string, error) {
	if err != nil {
		return "", err
	}
	back, err := parse(v.String())
	if err != nil || back != v {
		t.Fatalf("%T %v: String %q parses to %v, %v", v, v, v.String(), back, err)
	}
	return v.String(), nil
}

// FuzzOpenFileStore opens arbitrary bytes as a trail file. Invariants: a
// refusal wraps a sentinel and leaves the file as it was; an accepted file
// lost only its torn last line, verifies, replays, and reopens the same.
func FuzzOpenFileStore(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteTrail(&buf, trailOf(f)[:1]); err != nil {
		f.Fatal(err)
	}
	// Short seeds: the engine minimises every new input, slow on long ones.
	f.Add(buf.Bytes())
	f.Add(buf.Bytes()[:buf.Len()-7])
	f.Add([]byte("{\"seq\":1"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "trail.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(path + ".snapshot") // the previous input's

		s, err := OpenFileStore(path, FileOptions{NoSync: true})
		if err != nil {
			if !errors.Is(err, ErrBrokenTrail) && !errors.Is(err, ErrInvalidEvent) && !errors.Is(err, ErrIllegalTransition) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, data) {
				t.Fatalf("a refused file was changed")
			}
			return
		}
		defer s.Close()
		good := bytes.LastIndexByte(data, '\n') + 1
		if s.Recovered() != int64(len(data)-good) {
			t.Fatalf("recovered %d bytes, want %d", s.Recovered(), len(data)-good)
		}
		entries, _ := s.Entries(context.Background(), 0)
		if err := Verify(entries, Head{}); err != nil {
			t.Fatalf("accepted trail does not verify: %v", err)
		}
		if _, err := Replay(entries); err != nil {
			t.Fatalf("accepted trail does not replay: %v", err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(after, data[:good]) {
			t.Fatalf("the file is not its good prefix after recovery")
		}
	})
}
