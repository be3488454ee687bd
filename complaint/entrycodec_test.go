package complaint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrailRefusesNonCanonicalLines is defect 5 of issue 12: the trail hash
// covered the decoded entry, not its bytes, so a line rewritten with other
// whitespace, another key case or \u escapes still verified. Every variant
// below decodes to the same entry; only the canonical bytes may be read.
func TestTrailRefusesNonCanonicalLines(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteTrail(&buf, trailOf(t)[:3]))
	lines := strings.SplitAfter(buf.String(), "\n") // 3 lines and ""
	_, err := ReadTrail(strings.NewReader(buf.String()))
	require.NoError(t, err, "the canonical trail reads")
	third := lines[2]
	require.Contains(t, third, `"actor":"ana"`)
	variants := []struct{ name, line string }{
		{"space after a colon", strings.Replace(third, `"actor":"ana"`, `"actor": "ana"`, 1)},
		{"space before the newline", strings.TrimSuffix(third, "\n") + " \n"},
		{"key in another case", strings.Replace(third, `"actor":"ana"`, `"Actor":"ana"`, 1)},
		{"\\u escape of a letter", strings.Replace(third, `"actor":"ana"`, `"actor":"\u0061na"`, 1)},
		{"escaped slash", strings.Replace(third, `"actor":"ana"`, `"actor":"an\/a"`, 1)},
		{"keys reordered", swapFirstKeys(t, third)},
		{"zero field written out", strings.Replace(third, `"actor":"ana"`, `"actor":"ana","public":false`, 1)},
		{"number with a leading zero", strings.Replace(third, `"seq":3`, `"seq":03`, 1)},
		{"instant in another zone", regexp.MustCompile(`"at":"2026-03-02T14:0(\d):00Z"`).ReplaceAllString(third, `"at":"2026-03-02T09:0$1:00-05:00"`)},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			require.NotEqual(t, third, v.line, "the variant changes the bytes")
			_, err := ReadTrail(strings.NewReader(lines[0] + lines[1] + v.line))
			require.ErrorIs(t, err, ErrBrokenTrail)
			var te *TrailError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, 3, te.Position)
		})
	}
}

// swapFirstKeys moves "version" before "seq" in a line.
func swapFirstKeys(t *testing.T, line string) string {
	t.Helper()
	m := regexp.MustCompile(`^\{"seq":(\d+),"version":(\d+),`).FindStringSubmatch(line)
	require.NotNil(t, m, line)
	return `{"version":` + m[2] + `,"seq":` + m[1] + "," + line[len(m[0]):]
}

// TestHashCoversTheLineBytes checks the hash against the bytes themselves,
// independently of the encoder: the SHA-256 of the line with its
// `,"hash":"…"` member cut out.
func TestHashCoversTheLineBytes(t *testing.T) {
	var buf bytes.Buffer
	trail := trailOf(t)
	require.NoError(t, WriteTrail(&buf, trail))
	hashMember := regexp.MustCompile(`,"hash":"([0-9a-f]{64})"\}$`)
	for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		m := hashMember.FindStringSubmatch(line)
		require.NotNil(t, m, "line %d ends with its hash: %s", i+1, line)
		body := line[:len(line)-len(m[0])] + "}"
		sum := sha256.Sum256([]byte(body))
		assert.Equal(t, hex.EncodeToString(sum[:]), m[1], "line %d", i+1)
		assert.Equal(t, trail[i].Hash, m[1], "line %d", i+1)
	}
}

// TestCanonicalEncodingByHand checks one entry's bytes and hash against a
// line written by hand; the hash is from sha256sum:
//
//	printf '%s' '<the line>' | sha256sum
func TestCanonicalEncodingByHand(t *testing.T) {
	e := Entry{Seq: 1, Version: 1, From: StateUnknown, To: Received, Event: Event{
		Type: Receive, Case: "K-1", At: time.Date(2026, 3, 2, 9, 0, 0, 500_000_000, time.FixedZone("COT", -5*3600)),
		Actor: "Ana \"la asesora\"\n", Tier: Advisor,
		Intake: &Intake{Kind: Claim, Channel: servuction.Phone, Severity: SeverityHigh, Customer: "C-7", Subject: "señal\x01"}}}
	const want = `{"seq":1,"version":1,"from":"unknown","to":"received","event":{"type":"receive","case":"K-1","at":"2026-03-02T14:00:00.5Z","actor":"Ana \"la asesora\"\n","tier":"advisor","intake":{"kind":"claim","channel":"phone","severity":"high","customer":"C-7","subject":"señal\u0001"}},"prev":""}`
	const sum = "fa44614bb991d20594270d9ceafccdc157a5e6dc9b813a7a4be4b1b47128b82e"
	got, err := AppendEntry(nil, e)
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
	h, err := e.ComputeHash()
	require.NoError(t, err)
	assert.Equal(t, sum, h)

	line, sealed, err := AppendSealed([]byte("x"), Head{}, e)
	require.NoError(t, err)
	assert.Equal(t, "x"+want[:len(want)-1]+`,"hash":"`+sum+`"}`, string(line), "appended after dst")
	assert.Equal(t, sum, sealed.Hash)
	back, err := DecodeEntry(line[1:])
	require.NoError(t, err)
	e.Event.At = e.Event.At.UTC()
	e.Hash = sum
	assert.Equal(t, e, back)
	again, err := AppendEntry(nil, back)
	require.NoError(t, err)
	assert.Equal(t, string(line[1:]), string(again))
}

// richEntry has every field of an entry set.
func richEntry() Entry {
	cl, _ := NewChecklist(DenyingRequest, 0, 2)
	cl.Comment = "disco rayado"
	return Entry{Seq: 7, Version: 3, From: InProgress, To: Resolved,
		Event: Event{Type: Resolve, Case: "K-9", At: time.Date(2026, 3, 2, 14, 0, 0, 123456789, time.UTC), Actor: "luis",
			Tier: NetworkMember, Intake: &Intake{Kind: Return, Channel: servuction.Email, Severity: SeverityCritical, Customer: "C-1",
				Subject: "s", RemedySought: "r", FollowUpOf: "K-1"},
			ToTier: Specialist, ToDepartment: TechnicalService, Assignee: "eva", Reason: "why", Note: "tab\there", Public: true,
			Resolution: &Resolution{Outcome: Rejected, Remedy: "none", Justification: "policy", Alternatives: []string{"a", "b"},
				Cause: ProcessCause, Callback: true, CustomerLost: true},
			Due: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), Target: "K-2", Checklist: &cl,
			Cost: &Cost{Kind: Refund, Amount: mustMoney("12000.5 COP"), Note: "n"}, Key: "K-9#2.1"},
		Outbox: []Message{{Key: "K-9#3.1", Case: "K-9", Medium: SMS, To: "+57", Subject: "su", Body: "bo"},
			{Key: "K-9#3.2", Case: "K-9", Medium: EmailMessage, To: "a@b"}},
		DueAt:  time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC),
		RiskAt: time.Date(2026, 3, 3, 20, 0, 0, 0, time.UTC),
		Prev:   strings.Repeat("ab", 32)}
}

// TestEntryRoundTrip: every field survives encoding and decoding, sealed or
// not, and the decoded entry encodes to the same bytes.
func TestEntryRoundTrip(t *testing.T) {
	e := richEntry()
	plain, err := AppendEntry(nil, e)
	require.NoError(t, err)
	got, err := DecodeEntry(plain)
	require.NoError(t, err, "%s", plain)
	assert.Equal(t, e, got)
	assert.True(t, got.Event.Cost.Amount.Equal(e.Event.Cost.Amount))

	line, sealed, err := AppendSealed(nil, Head{Seq: 6, Hash: e.Prev}, e)
	require.NoError(t, err)
	got, err = DecodeEntry(line)
	require.NoError(t, err)
	assert.Equal(t, sealed, got)
	var c Chain
	c.From = Head{Seq: 6, Hash: e.Prev}
	_, err = c.NextEncoded(line)
	require.NoError(t, err)
	assert.Equal(t, Head{7, sealed.Hash}, c.Head())
}

// TestEncodeRefuses: what cannot be written canonically is refused, naming
// the field, and wraps ErrInvalidEvent.
func TestEncodeRefuses(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Entry)
		field  string
	}{
		{"invalid UTF-8 actor", func(e *Entry) { e.Event.Actor = "an\xffa" }, "event.actor: invalid UTF-8 at byte 2"},
		{"undefined state", func(e *Entry) { e.To = 99 }, "to: state(99) is not defined"},
		{"undefined tier", func(e *Entry) { e.Event.ToTier = 9 }, "event.toTier"},
		{"year 10000", func(e *Entry) { e.Event.At = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, "event.at: year 10000"},
		{"negative year", func(e *Entry) { e.DueAt = time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC) }, "dueAt: year -1"},
		{"bad currency", func(e *Entry) { e.Event.Cost.Amount.Currency = "pesos" }, "event.cost.amount"},
		{"huge exponent", func(e *Entry) { e.Event.Cost.Amount = servuction.Money{Amount: decimal.New(1, 40), Currency: "COP"} }, "exponent 40"},
		{"invalid UTF-8 in a message", func(e *Entry) { e.Outbox[1].Body = "\xc3" }, "outbox.body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := richEntry()
			tt.mutate(&e)
			_, err := AppendEntry(nil, e)
			require.ErrorIs(t, err, ErrInvalidEvent)
			assert.Contains(t, err.Error(), tt.field)
			_, err = e.ComputeHash()
			require.ErrorIs(t, err, ErrInvalidEvent)
			_, _, err = AppendSealed(nil, Head{}, e)
			require.ErrorIs(t, err, ErrInvalidEvent)
		})
	}
}

// TestDecodeRefuses: each non-canonical or damaged encoding is refused with
// ErrBrokenTrail and the reason.
func TestDecodeRefuses(t *testing.T) {
	line, _, err := AppendSealed(nil, Head{}, richEntry())
	require.NoError(t, err)
	good := string(line)
	tests := []struct{ name, in, reason string }{
		{"empty", "", "unexpected end"},
		{"hash of other content", strings.Replace(good, `"actor":"luis"`, `"actor":"lucas"`, 1), "entry modified"},
		{"hash in upper case", good[:len(good)-66] + strings.ToUpper(good[len(good)-66:len(good)-2]) + `"}`, "entry modified"},
		{"hash cut short", good[:len(good)-4] + `"}`, "entry modified"},
		{"trailing data", good + " ", "trailing data"},
		{"unknown state", strings.Replace(good, `"to":"resolved"`, `"to":"solved"`, 1), `to: "\"solved\"`},
		{"alias of a state", strings.Replace(good, `"to":"resolved"`, `"to":"resuelto"`, 1), "not a canonical name"},
		{"unknown field", strings.Replace(good, `,"prev"`, `,"extra":1,"prev"`, 1), `unknown or misplaced field "extra"`},
		{"non-canonical escape", strings.Replace(good, `tab\there`, `tab\u0009here`, 1), "not canonical"},
		{"escaped slash", strings.Replace(good, `"why"`, `"wh\/y"`, 1), `escape \/ is not canonical`},
		{"raw tab", strings.Replace(good, `tab\there`, "tab\there", 1), "control character"},
		{"invalid UTF-8", strings.Replace(good, `"why"`, "\"wh\xffy\"", 1), "invalid UTF-8"},
		{"unterminated string", `{"seq":1,"version":1,"from":"unknown","to":"received","event":{"type":"receive","case":"K`, "unterminated string"},
		{"false written out", strings.Replace(good, `"public":true`, `"public":false`, 1), "not the canonical encoding"},
		{"trailing zero in nanoseconds", strings.Replace(good, `14:00:00.123456789Z`, `14:00:00.1234567890Z`, 1), "not the canonical encoding"},
		{"overflowing number", strings.Replace(good, `"seq":1`, `"seq":18446744073709551616`, 1), "overflows"},
		{"not a number", strings.Replace(good, `"seq":1`, `"seq":"1"`, 1), "want a number"},
		{"bad instant", strings.Replace(good, `2026-03-03T00:00:00Z`, `2026-03-03 00:00:00Z`, 1), "not an RFC 3339 instant"},
		{"bad money", strings.Replace(good, `"12000.5 COP"`, `"lots"`, 1), "cost.amount"},
		{"negative cost", strings.Replace(good, `"12000.5 COP"`, `"-1 COP"`, 1), "negative"},
		{"empty outbox", strings.Replace(good, `"outbox":[{"key":"K-9#3.1","case":"K-9","medium":"sms","to":"+57","subject":"su","body":"bo"},{"key":"K-9#3.2","case":"K-9","medium":"email","to":"a@b"}]`, `"outbox":[]`, 1), `want {"key":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, good, tt.in)
			_, err := DecodeEntry([]byte(tt.in))
			require.ErrorIs(t, err, ErrBrokenTrail)
			assert.Contains(t, err.Error(), tt.reason)
			assert.True(t, strings.HasPrefix(err.Error(), "complaint: trail entry: "), err.Error())
		})
	}
}

// TestChainFromHeadAndAnchor: a chain continues a head, and an anchor it
// never reaches or reaches with another hash is reported.
func TestChainFromHeadAndAnchor(t *testing.T) {
	trail := trailOf(t)
	var lines [][]byte
	for _, e := range trail {
		b, err := AppendEntry(nil, e)
		require.NoError(t, err)
		lines = append(lines, b)
	}
	c := Chain{From: Head{5, trail[4].Hash}, Anchor: Head{12, trail[11].Hash}}
	for _, l := range lines[5:10] {
		_, err := c.NextEncoded(l)
		require.NoError(t, err)
	}
	err := c.End()
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "trail ends at sequence 10 but the anchored head is 12")
	_, err = c.NextEncoded(lines[11])
	var te *TrailError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 11, te.Position)
	assert.Contains(t, te.Reason, "removed")

	c = Chain{From: Head{5, "forged"}}
	_, err = c.NextEncoded(lines[5])
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "previous hash")

	c = Chain{Anchor: Head{3, "other"}}
	for i, e := range trail[:3] {
		err = c.Next(e)
		if i < 2 {
			require.NoError(t, err)
		}
	}
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 3, te.Position)
	assert.Contains(t, te.Reason, "anchored head")

	unsealed, err := AppendEntry(nil, Entry{Seq: 1, Version: 1, Event: Event{Type: Note, Case: "A"}})
	require.NoError(t, err)
	_, err = (&Chain{}).NextEncoded(unsealed)
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "hash is missing")
}

// FuzzDecodeEntry decodes arbitrary bytes. Invariants: a refusal wraps
// ErrBrokenTrail; an accepted encoding is canonical, so encoding what was
// decoded gives back exactly the input bytes.
func FuzzDecodeEntry(f *testing.F) {
	// Short seeds: the engine minimises every new input, slow on long ones.
	line, _, err := AppendSealed(nil, Head{}, Entry{Version: 1, To: Received, Event: Event{Type: Receive, Case: "A", Actor: "a",
		Intake: &Intake{Kind: Claim, Customer: "C"}}, Outbox: []Message{{Key: "k", Case: "A", Medium: SMS, To: "1"}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(line)
	plain, _ := AppendEntry(nil, Entry{Seq: 1, Version: 1, Event: Event{Type: Note, Case: "A", Actor: "a\u00e9\n", Note: "x"}})
	f.Add(plain)
	f.Add([]byte(`{"seq":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := DecodeEntry(data)
		if err != nil {
			if !errors.Is(err, ErrBrokenTrail) {
				t.Fatalf("error does not wrap ErrBrokenTrail: %v", err)
			}
			return
		}
		again, err := AppendEntry(nil, e)
		if err != nil {
			t.Fatalf("decoded entry does not encode: %v", err)
		}
		if !bytes.Equal(again, data) {
			t.Fatalf("accepted a non-canonical encoding:\n in: %q\nout: %q", data, again)
		}
	})
}

// FuzzEncodeEntry writes arbitrary strings and instants into an entry.
// Invariants: encoding fails only on invalid UTF-8, wrapping
// ErrInvalidEvent; what encodes decodes to the same entry.
func FuzzEncodeEntry(f *testing.F) {
	f.Add("ana", "nota\t\"x\"\x01", int64(1772460000123456789))
	f.Add("\xff", "", int64(0))
	f.Fuzz(func(t *testing.T, actor, note string, nanos int64) {
		e := richEntry()
		e.Event.Actor, e.Event.Note, e.Outbox[0].Body = actor, note, note
		e.Event.At = time.Unix(0, nanos).UTC()
		b, err := AppendEntry(nil, e)
		if err != nil {
			if !errors.Is(err, ErrInvalidEvent) || (utf8.ValidString(actor) && utf8.ValidString(note)) {
				t.Fatalf("refused valid strings: %v", err)
			}
			return
		}
		got, err := DecodeEntry(b)
		if err != nil {
			t.Fatalf("own encoding refused: %v\n%s", err, b)
		}
		if got.Event.Actor != actor || got.Event.Note != note || !got.Event.At.Equal(e.Event.At) || got.Outbox[0].Body != note {
			t.Fatalf("round trip changed the entry: %+v", got.Event)
		}
	})
}

// BenchmarkEntryCodec measures sealing (encoding and hashing) and decoding
// one entry of the seeds' flow.
func BenchmarkEntryCodec(b *testing.B) {
	e := seedsFlowEntry()
	b.Run("seal", func(b *testing.B) {
		b.ReportAllocs()
		var buf []byte
		for range b.N {
			var err error
			if buf, _, err = AppendSealed(buf[:0], Head{Seq: 1, Hash: e.Prev}, e); err != nil {
				b.Fatal(err)
			}
		}
	})
	line, _, _ := AppendSealed(nil, Head{Seq: 1, Hash: e.Prev}, e)
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := DecodeEntry(line); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// seedsFlowEntry is the escalation of the seeds' flow as an entry.
func seedsFlowEntry() Entry {
	ev := seedsFlow("K-1")[4]
	ev.At = ev.At.UTC()
	return Entry{Version: 5, From: InProgress, To: Assigned, Event: ev, Prev: strings.Repeat("0f", 32)}
}

// TestAppendRFC3339 checks the encoder's instant writer against
// time.Time.AppendFormat with time.RFC3339Nano over instants spread across
// years 0–9999, with and without fractions of a second.
func TestAppendRFC3339(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 34))
	lo := time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	for i := range 20000 {
		ns := r.Int64N(1e9)
		switch i % 4 {
		case 0:
			ns = 0
		case 1:
			ns = ns / 1e6 * 1e6
		}
		tm := time.Unix(lo+r.Int64N(hi-lo+1), ns).UTC()
		want := tm.AppendFormat(nil, time.RFC3339Nano)
		if got := appendRFC3339(nil, tm); string(got) != string(want) {
			t.Fatalf("%v: got %s, want %s", tm, got, want)
		}
	}
}
