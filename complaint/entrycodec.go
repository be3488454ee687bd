package complaint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/servuction/servuction"
)

// The canonical encoding of a trail entry.
//
// An entry has exactly one encoding: compact JSON with the keys of [Entry]
// in their declared order, zero optional fields left out, enums as their
// English names, instants in UTC as RFC 3339 with the nanoseconds trimmed
// of trailing zeros, amounts as in [servuction.Money.String], and strings
// escaped only where JSON must be (`\"`, `\\`, `\n`, `\r`, `\t` and `\u00XX`
// for the other control characters; every other character as its UTF-8
// bytes). The hash of an entry is the SHA-256 of that encoding with Hash
// empty, which leaves it out; the stored form adds `,"hash":"…"` before the
// final brace. [AppendEntry] writes it directly, without reflection, and
// [DecodeEntry] refuses any byte sequence that is not it.

// bufPool holds scratch buffers for encoding entries.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// AppendEntry appends the canonical encoding of e to dst and returns the
// extended buffer. With e.Hash empty these are the bytes the hash covers;
// with it set, the bytes a store keeps. It fails, wrapping
// [ErrInvalidEvent] and naming the field, on an undefined enum value, a
// string that is not valid UTF-8, an instant outside years 0–9999 or an
// amount that cannot be written.
func AppendEntry(dst []byte, e Entry) ([]byte, error) {
	w := encoder{b: dst}
	w.entry(&e)
	if w.err != nil {
		return dst, fmt.Errorf("complaint: trail entry %d: %w: %w", e.Seq, w.err, ErrInvalidEvent)
	}
	if e.Hash != "" {
		w.b = w.b[:len(w.b)-1]
		w.raw(`,"hash":`)
		w.str("hash", e.Hash)
		w.raw("}")
		if w.err != nil {
			return dst, fmt.Errorf("complaint: trail entry %d: %w: %w", e.Seq, w.err, ErrInvalidEvent)
		}
	}
	return w.b, nil
}

// AppendSealed seals e after prev, as [Seal], and appends the sealed entry's
// canonical encoding (with its hash) to dst, encoding the entry once. Stores
// call it under their write lock and keep the appended bytes.
func AppendSealed(dst []byte, prev Head, e Entry) ([]byte, Entry, error) {
	e.Seq = prev.Seq + 1
	e.Prev = prev.Hash
	e.Hash = ""
	start := len(dst)
	b, err := AppendEntry(dst, e)
	if err != nil {
		return dst, Entry{}, err
	}
	var hx [64]byte
	sum := sha256.Sum256(b[start:])
	hex.Encode(hx[:], sum[:])
	e.Hash = string(hx[:])
	b = append(b[:len(b)-1], `,"hash":"`...)
	b = append(b, hx[:]...)
	b = append(b, `"}`...)
	return b, e, nil
}

// hashOf returns the hex SHA-256 of e's canonical encoding without its hash.
func hashOf(e *Entry) (string, error) {
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	w := encoder{b: (*bp)[:0]}
	w.entry(e)
	*bp = w.b
	if w.err != nil {
		return "", fmt.Errorf("complaint: trail entry %d: %w: %w", e.Seq, w.err, ErrInvalidEvent)
	}
	var hx [64]byte
	sum := sha256.Sum256(w.b)
	hex.Encode(hx[:], sum[:])
	return string(hx[:]), nil
}

// DecodeEntry decodes one canonical entry encoding (without a line
// terminator). It refuses, wrapping [ErrBrokenTrail] and naming the byte,
// anything that is not the canonical encoding of the entry it decodes to
// (other whitespace, key order or case, escapes, number or instant
// formats, zero fields written out, unknown fields), and an encoding whose
// hash is not the SHA-256 of the bytes before it. An encoding without a hash
// (an unsealed entry) is accepted as such.
func DecodeEntry(b []byte) (Entry, error) {
	e, err := decodeEntry(b)
	if err != nil {
		return Entry{}, fmt.Errorf("complaint: trail entry: %w", err)
	}
	return e, nil
}

// reasonError is a decoding failure whose message is the reason alone.
type reasonError struct{ reason string }

// Error returns the reason.
func (e *reasonError) Error() string { return e.reason }

// Unwrap returns [ErrBrokenTrail].
func (e *reasonError) Unwrap() error { return ErrBrokenTrail }

func decodeEntry(b []byte) (Entry, error) {
	d := decoder{b: b}
	var e Entry
	hashAt := d.entry(&e)
	if d.err == nil && d.i != len(b) {
		d.fail("trailing data after the entry")
	}
	if d.err != nil {
		return Entry{}, d.err
	}
	bp := bufPool.Get().(*[]byte)
	defer bufPool.Put(bp)
	w := encoder{b: (*bp)[:0]}
	hash := e.Hash
	e.Hash = ""
	w.entry(&e)
	*bp = w.b
	if w.err != nil {
		return Entry{}, &reasonError{fmt.Sprintf("does not encode: %v", w.err)}
	}
	body := w.b
	if hashAt < 0 {
		hashAt = len(b) - 1
	} else if hash == "" {
		// An unsealed entry's canonical encoding has no hash key at all.
		return Entry{}, &reasonError{fmt.Sprintf("byte %d: an empty hash written out (an unsealed entry has no hash key)", hashAt+1)}
	}
	if !bytes.Equal(body[:len(body)-1], b[:hashAt]) {
		n := 0
		for n < len(body)-1 && n < hashAt && body[n] == b[n] {
			n++
		}
		return Entry{}, &reasonError{fmt.Sprintf("byte %d: not the canonical encoding of the entry (which has %q there)", n+1, excerpt(body, n))}
	}
	if e.Event.Cost != nil {
		if err := e.Event.Cost.Validate(); err != nil {
			return Entry{}, &reasonError{err.Error()}
		}
	}
	if hash != "" {
		var hx [64]byte
		sum := sha256.Sum256(body)
		hex.Encode(hx[:], sum[:])
		if string(hx[:]) != hash {
			return Entry{}, &reasonError{"hash does not match the content: entry modified"}
		}
		e.Hash = hash
	}
	return e, nil
}

// excerpt returns up to 16 bytes of b from i.
func excerpt(b []byte, i int) string {
	j := min(i+16, len(b))
	return string(b[i:j])
}

// encoder writes the canonical encoding; the first problem is kept in err.
type encoder struct {
	b   []byte
	err error
}

func (w *encoder) fail(field, format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))
	}
}

func (w *encoder) raw(s string) { w.b = append(w.b, s...) }

func (w *encoder) uint(v uint64) { w.b = strconv.AppendUint(w.b, v, 10) }

// name writes an enum's name, or fails for an undefined value.
func (w *encoder) name(field string, valid bool, name string) {
	if !valid {
		w.fail(field, "%s is not defined", name)
		return
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"')
}

// str writes s as a JSON string with the canonical escapes.
func (w *encoder) str(field, s string) {
	w.b = append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				w.fail(field, "invalid UTF-8 at byte %d", i)
				return
			}
			i += size
			continue
		}
		w.b = append(w.b, s[start:i]...)
		switch c {
		case '"', '\\':
			w.b = append(w.b, '\\', c)
		case '\n':
			w.b = append(w.b, '\\', 'n')
		case '\r':
			w.b = append(w.b, '\\', 'r')
		case '\t':
			w.b = append(w.b, '\\', 't')
		default:
			w.b = append(w.b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	w.b = append(w.b, s[start:]...)
	w.b = append(w.b, '"')
}

const hexDigits = "0123456789abcdef"

// time writes t in UTC as RFC 3339 with trimmed nanoseconds.
func (w *encoder) time(field string, t time.Time) {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		w.fail(field, "year %d outside 0–9999", y)
		return
	}
	w.b = append(w.b, '"')
	w.b = appendRFC3339(w.b, t)
	w.b = append(w.b, '"')
}

// appendRFC3339 appends t, in UTC with a year in 0–9999, as
// t.AppendFormat(b, time.RFC3339Nano) does, without its layout parsing.
func appendRFC3339(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	b = append(b, byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+int(month)/10), byte('0'+int(month)%10), '-', byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':', byte('0'+minute/10), byte('0'+minute%10), ':',
		byte('0'+sec/10), byte('0'+sec%10))
	if ns := t.Nanosecond(); ns != 0 {
		var digits [9]byte
		for i := 8; i >= 0; i-- {
			digits[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 9
		for digits[n-1] == '0' {
			n--
		}
		b = append(b, '.')
		b = append(b, digits[:n]...)
	}
	return append(b, 'Z')
}

func (w *encoder) money(field string, m servuction.Money) {
	if x := m.Amount.Exponent(); x < -maxExponent || x > maxExponent {
		w.fail(field, "amount exponent %d out of range ±%d", x, maxExponent)
		return
	}
	text, err := m.MarshalText()
	if err != nil {
		w.fail(field, "%v", err)
		return
	}
	w.str(field, string(text))
}

func (w *encoder) entry(e *Entry) {
	w.raw(`{"seq":`)
	w.uint(e.Seq)
	w.raw(`,"version":`)
	w.uint(e.Version)
	w.raw(`,"from":`)
	w.name("from", e.From.IsValid(), e.From.String())
	w.raw(`,"to":`)
	w.name("to", e.To.IsValid(), e.To.String())
	w.raw(`,"event":`)
	w.event(&e.Event)
	if len(e.Outbox) > 0 {
		w.raw(`,"outbox":[`)
		for i := range e.Outbox {
			if i > 0 {
				w.raw(",")
			}
			w.message(&e.Outbox[i])
		}
		w.raw("]")
	}
	if !e.DueAt.IsZero() {
		w.raw(`,"dueAt":`)
		w.time("dueAt", e.DueAt)
	}
	if !e.RiskAt.IsZero() {
		w.raw(`,"riskAt":`)
		w.time("riskAt", e.RiskAt)
	}
	w.raw(`,"prev":`)
	w.str("prev", e.Prev)
	w.raw("}")
}

func (w *encoder) event(ev *Event) {
	w.raw(`{"type":`)
	w.name("event.type", ev.Type.IsValid(), ev.Type.String())
	w.raw(`,"case":`)
	w.str("event.case", ev.Case)
	w.raw(`,"at":`)
	w.time("event.at", ev.At)
	w.raw(`,"actor":`)
	w.str("event.actor", ev.Actor)
	if ev.Tier != TierUnknown {
		w.raw(`,"tier":`)
		w.name("event.tier", ev.Tier.IsValid(), ev.Tier.String())
	}
	if ev.Intake != nil {
		w.raw(`,"intake":`)
		w.intake(ev.Intake)
	}
	if ev.ToTier != TierUnknown {
		w.raw(`,"toTier":`)
		w.name("event.toTier", ev.ToTier.IsValid(), ev.ToTier.String())
	}
	if ev.ToDepartment != DepartmentNone {
		w.raw(`,"toDepartment":`)
		w.name("event.toDepartment", ev.ToDepartment.IsValid(), ev.ToDepartment.String())
	}
	w.optStr(`,"assignee":`, "event.assignee", ev.Assignee)
	w.optStr(`,"reason":`, "event.reason", ev.Reason)
	w.optStr(`,"note":`, "event.note", ev.Note)
	if ev.Public {
		w.raw(`,"public":true`)
	}
	if ev.Resolution != nil {
		w.raw(`,"resolution":`)
		w.resolution(ev.Resolution)
	}
	if !ev.Due.IsZero() {
		w.raw(`,"due":`)
		w.time("event.due", ev.Due)
	}
	w.optStr(`,"target":`, "event.target", ev.Target)
	if ev.Checklist != nil {
		w.raw(`,"checklist":`)
		w.checklist(ev.Checklist)
	}
	if ev.Cost != nil {
		w.raw(`,"cost":{"kind":`)
		w.name("event.cost.kind", ev.Cost.Kind.IsValid(), ev.Cost.Kind.String())
		w.raw(`,"amount":`)
		w.money("event.cost.amount", ev.Cost.Amount)
		w.optStr(`,"note":`, "event.cost.note", ev.Cost.Note)
		w.raw("}")
	}
	w.optStr(`,"key":`, "event.key", ev.Key)
	w.raw("}")
}

func (w *encoder) optStr(key, field, s string) {
	if s != "" {
		w.raw(key)
		w.str(field, s)
	}
}

func (w *encoder) intake(in *Intake) {
	w.raw(`{"kind":`)
	w.name("intake.kind", in.Kind.IsValid(), in.Kind.String())
	if in.Channel != 0 {
		w.raw(`,"channel":`)
		w.name("intake.channel", in.Channel.IsValid(), in.Channel.String())
	}
	if in.Severity != SeverityUnknown {
		w.raw(`,"severity":`)
		w.name("intake.severity", in.Severity.IsValid(), in.Severity.String())
	}
	w.raw(`,"customer":`)
	w.str("intake.customer", in.Customer)
	w.optStr(`,"subject":`, "intake.subject", in.Subject)
	w.optStr(`,"remedySought":`, "intake.remedySought", in.RemedySought)
	w.optStr(`,"followUpOf":`, "intake.followUpOf", in.FollowUpOf)
	w.raw("}")
}

func (w *encoder) resolution(r *Resolution) {
	w.raw(`{"outcome":`)
	w.name("resolution.outcome", r.Outcome.IsValid(), r.Outcome.String())
	w.optStr(`,"remedy":`, "resolution.remedy", r.Remedy)
	w.optStr(`,"justification":`, "resolution.justification", r.Justification)
	if len(r.Alternatives) > 0 {
		w.raw(`,"alternatives":[`)
		for i, a := range r.Alternatives {
			if i > 0 {
				w.raw(",")
			}
			w.str("resolution.alternatives", a)
		}
		w.raw("]")
	}
	if r.Cause != CauseUnknown {
		w.raw(`,"cause":`)
		w.name("resolution.cause", r.Cause.IsValid(), r.Cause.String())
	}
	if r.Callback {
		w.raw(`,"callback":true`)
	}
	if r.CustomerLost {
		w.raw(`,"customerLost":true`)
	}
	w.raw("}")
}

func (w *encoder) checklist(c *Checklist) {
	w.raw(`{"protocol":`)
	w.name("checklist.protocol", c.Protocol.IsValid(), c.Protocol.String())
	w.raw(`,"done":[`)
	for i, d := range c.Done {
		if i > 0 {
			w.raw(",")
		}
		if d {
			w.raw("true")
		} else {
			w.raw("false")
		}
	}
	w.raw("]")
	w.optStr(`,"comment":`, "checklist.comment", c.Comment)
	w.raw("}")
}

func (w *encoder) message(m *Message) {
	w.raw(`{"key":`)
	w.str("outbox.key", m.Key)
	w.raw(`,"case":`)
	w.str("outbox.case", m.Case)
	w.raw(`,"medium":`)
	w.name("outbox.medium", m.Medium.IsValid(), m.Medium.String())
	w.raw(`,"to":`)
	w.str("outbox.to", m.To)
	w.optStr(`,"subject":`, "outbox.subject", m.Subject)
	w.optStr(`,"body":`, "outbox.body", m.Body)
	w.raw("}")
}
