package complaint

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/servuction/servuction"
)

// decoder parses the canonical entry encoding: keys in their fixed order,
// optional ones only where they may appear. Values are parsed leniently
// where the re-encoding check in decodeEntry catches any other spelling
// (a zero value written out, a non-UTC instant); everything structural is
// refused here, naming the byte.
type decoder struct {
	b   []byte
	i   int
	err error
}

// The canonical names of each enum, in value order.
var (
	stateList      = stateNames.Names()
	eventList      = eventNames.Names()
	tierList       = tierNames.Names()
	departmentList = departmentNames.Names()
	kindList       = kindNames.Names()
	severityList   = severityNames.Names()
	channelList    = channelNames()
	outcomeList    = outcomeNames.Names()
	causeList      = causeNames.Names()
	protocolList   = protocolNames.Names()
	costKindList   = costKindNames.Names()
	mediumList     = mediumNames.Names()
)

// channelNames returns the canonical names of the channels (package
// servuction is initialised before this one).
func channelNames() []string {
	var out []string
	for c := servuction.Channel(0); c.IsValid(); c++ {
		out = append(out, c.String())
	}
	return out
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = &reasonError{fmt.Sprintf("byte %d: ", d.i+1) + fmt.Sprintf(format, args...)}
	}
}

// lit consumes the literal s or fails.
func (d *decoder) lit(s string) {
	if d.err != nil {
		return
	}
	if len(d.b)-d.i >= len(s) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return
	}
	if k, ok := d.keyHere(); ok {
		d.fail("unknown or misplaced field %q (want %s)", k, s)
		return
	}
	if d.i >= len(d.b) {
		d.fail("unexpected end (want %s)", s)
		return
	}
	d.fail("want %s, have %q", s, excerpt(d.b, d.i))
}

// keyHere returns the key of a member starting at i (after an optional
// comma or brace), if there is one.
func (d *decoder) keyHere() (string, bool) {
	j := d.i
	if j < len(d.b) && (d.b[j] == ',' || d.b[j] == '{') {
		j++
	}
	if j >= len(d.b) || d.b[j] != '"' {
		return "", false
	}
	for k := j + 1; k < len(d.b) && k < j+64; k++ {
		if d.b[k] == '"' {
			if k+1 < len(d.b) && d.b[k+1] == ':' {
				return string(d.b[j+1 : k]), true
			}
			return "", false
		}
	}
	return "", false
}

// opt consumes s if the input continues with it.
func (d *decoder) opt(s string) bool {
	if d.err != nil {
		return false
	}
	if len(d.b)-d.i >= len(s) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return true
	}
	return false
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	start := d.i
	var v uint64
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		c := uint64(d.b[d.i] - '0')
		if v > (1<<64-1-c)/10 {
			d.fail("number overflows 64 bits")
			return 0
		}
		v = v*10 + c
		d.i++
	}
	switch {
	case d.i == start:
		d.fail("want a number, have %q", excerpt(d.b, d.i))
	case d.b[start] == '0' && d.i-start > 1:
		d.i = start
		d.fail("number with a leading zero")
	}
	return v
}

// rawStr returns the bytes of a string between its quotes, unescaped only
// if it has escapes, and whether it did.
func (d *decoder) str() string {
	if d.err != nil {
		return ""
	}
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		d.fail("want a string, have %q", excerpt(d.b, d.i))
		return ""
	}
	d.i++
	start := d.i
	plain := true
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			if plain {
				return string(s)
			}
			return d.unescape(s, start)
		case c == '\\':
			plain = false
			d.i += 2
		case c < 0x20:
			d.fail("control character %#02x in a string", c)
			return ""
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d.b[d.i:])
			if r == utf8.RuneError && size == 1 {
				d.fail("invalid UTF-8 in a string")
				return ""
			}
			d.i += size
		default:
			d.i++
		}
	}
	d.fail("unterminated string")
	return ""
}

// unescape decodes the canonical escapes of s, which starts at offset off.
func (d *decoder) unescape(s []byte, off int) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if i+1 >= len(s) {
			d.i = off + i
			d.fail("unterminated escape")
			return ""
		}
		i++
		switch s[i] {
		case '"', '\\':
			out = append(out, s[i])
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			v, ok := hexByte(s[i+1:])
			if !ok || v >= 0x20 || v == '\n' || v == '\r' || v == '\t' {
				d.i = off + i - 1
				d.fail("escape %q is not canonical", excerpt(s, i-1)[:min(6, len(s)-i+1)])
				return ""
			}
			out = append(out, v)
			i += 4
		default:
			d.i = off + i - 1
			d.fail("escape \\%c is not canonical", s[i])
			return ""
		}
	}
	return string(out)
}

// hexByte decodes "00XX" (lower-case hex) at the start of s.
func hexByte(s []byte) (byte, bool) {
	if len(s) < 4 || s[0] != '0' || s[1] != '0' {
		return 0, false
	}
	var v byte
	for _, c := range s[2:4] {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | (c - '0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | (c - 'a' + 10)
		default:
			return 0, false
		}
	}
	return v, true
}

// enum returns the index of the canonical name that follows in names.
func (d *decoder) enum(field string, names []string) uint8 {
	if d.err != nil {
		return 0
	}
	at := d.i
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		d.fail("%s: want a name", field)
		return 0
	}
	end := d.i + 1
	for end < len(d.b) && d.b[end] != '"' && d.b[end] != '\\' {
		end++
	}
	if end < len(d.b) && d.b[end] == '"' {
		name := d.b[d.i+1 : end]
		for v, n := range names {
			if string(name) == n {
				d.i = end + 1
				return uint8(v)
			}
		}
	}
	d.i = at
	d.fail("%s: %q is not a canonical name (want one of %v)", field, excerpt(d.b, d.i), names)
	return 0
}

func (d *decoder) time(field string) time.Time {
	at := d.i
	s := d.str()
	if d.err != nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.i = at
		d.fail("%s: %q is not an RFC 3339 instant", field, s)
	}
	return t
}

func (d *decoder) boolean() bool {
	if d.opt("true") {
		return true
	}
	if d.opt("false") {
		return false
	}
	d.fail("want true or false, have %q", excerpt(d.b, d.i))
	return false
}

// entry parses an entry and returns the offset of its hash member, or -1.
func (d *decoder) entry(e *Entry) int {
	d.lit(`{"seq":`)
	e.Seq = d.uint()
	d.lit(`,"version":`)
	e.Version = d.uint()
	d.lit(`,"from":`)
	e.From = State(d.enum("from", stateList))
	d.lit(`,"to":`)
	e.To = State(d.enum("to", stateList))
	d.lit(`,"event":`)
	d.event(&e.Event)
	if d.opt(`,"outbox":[`) {
		for d.err == nil {
			var m Message
			d.message(&m)
			e.Outbox = append(e.Outbox, m)
			if !d.opt(",") {
				break
			}
		}
		d.lit("]")
	}
	if d.opt(`,"dueAt":`) {
		e.DueAt = d.time("dueAt")
	}
	if d.opt(`,"riskAt":`) {
		e.RiskAt = d.time("riskAt")
	}
	d.lit(`,"prev":`)
	e.Prev = d.str()
	hashAt := -1
	if d.err == nil && d.opt(`,"hash":`) {
		hashAt = d.i - len(`,"hash":`)
		e.Hash = d.str()
	}
	d.lit("}")
	return hashAt
}

func (d *decoder) event(ev *Event) {
	d.lit(`{"type":`)
	ev.Type = EventType(d.enum("event.type", eventList))
	d.lit(`,"case":`)
	ev.Case = d.str()
	d.lit(`,"at":`)
	ev.At = d.time("event.at")
	d.lit(`,"actor":`)
	ev.Actor = d.str()
	if d.opt(`,"tier":`) {
		ev.Tier = Tier(d.enum("event.tier", tierList))
	}
	if d.opt(`,"intake":`) {
		ev.Intake = new(Intake)
		d.intake(ev.Intake)
	}
	if d.opt(`,"toTier":`) {
		ev.ToTier = Tier(d.enum("event.toTier", tierList))
	}
	if d.opt(`,"toDepartment":`) {
		ev.ToDepartment = Department(d.enum("event.toDepartment", departmentList))
	}
	if d.opt(`,"assignee":`) {
		ev.Assignee = d.str()
	}
	if d.opt(`,"reason":`) {
		ev.Reason = d.str()
	}
	if d.opt(`,"note":`) {
		ev.Note = d.str()
	}
	if d.opt(`,"public":`) {
		ev.Public = d.boolean()
	}
	if d.opt(`,"resolution":`) {
		ev.Resolution = new(Resolution)
		d.resolution(ev.Resolution)
	}
	if d.opt(`,"due":`) {
		ev.Due = d.time("event.due")
	}
	if d.opt(`,"target":`) {
		ev.Target = d.str()
	}
	if d.opt(`,"checklist":`) {
		ev.Checklist = new(Checklist)
		d.checklist(ev.Checklist)
	}
	if d.opt(`,"cost":`) {
		ev.Cost = new(Cost)
		d.cost(ev.Cost)
	}
	if d.opt(`,"key":`) {
		ev.Key = d.str()
	}
	d.lit("}")
}

func (d *decoder) intake(in *Intake) {
	d.lit(`{"kind":`)
	in.Kind = Kind(d.enum("intake.kind", kindList))
	if d.opt(`,"channel":`) {
		in.Channel = servuction.Channel(d.enum("intake.channel", channelList))
	}
	if d.opt(`,"severity":`) {
		in.Severity = Severity(d.enum("intake.severity", severityList))
	}
	d.lit(`,"customer":`)
	in.Customer = d.str()
	if d.opt(`,"subject":`) {
		in.Subject = d.str()
	}
	if d.opt(`,"remedySought":`) {
		in.RemedySought = d.str()
	}
	if d.opt(`,"followUpOf":`) {
		in.FollowUpOf = d.str()
	}
	d.lit("}")
}

func (d *decoder) resolution(r *Resolution) {
	d.lit(`{"outcome":`)
	r.Outcome = Outcome(d.enum("resolution.outcome", outcomeList))
	if d.opt(`,"remedy":`) {
		r.Remedy = d.str()
	}
	if d.opt(`,"justification":`) {
		r.Justification = d.str()
	}
	if d.opt(`,"alternatives":[`) {
		for d.err == nil {
			r.Alternatives = append(r.Alternatives, d.str())
			if !d.opt(",") {
				break
			}
		}
		d.lit("]")
	}
	if d.opt(`,"cause":`) {
		r.Cause = Cause(d.enum("resolution.cause", causeList))
	}
	if d.opt(`,"callback":`) {
		r.Callback = d.boolean()
	}
	if d.opt(`,"customerLost":`) {
		r.CustomerLost = d.boolean()
	}
	d.lit("}")
}

func (d *decoder) checklist(c *Checklist) {
	d.lit(`{"protocol":`)
	c.Protocol = Protocol(d.enum("checklist.protocol", protocolList))
	d.lit(`,"done":[`)
	c.Done = []bool{}
	if !d.opt("]") {
		for d.err == nil {
			c.Done = append(c.Done, d.boolean())
			if !d.opt(",") {
				break
			}
		}
		d.lit("]")
	}
	if d.opt(`,"comment":`) {
		c.Comment = d.str()
	}
	d.lit("}")
}

func (d *decoder) cost(k *Cost) {
	d.lit(`{"kind":`)
	k.Kind = CostKind(d.enum("cost.kind", costKindList))
	d.lit(`,"amount":`)
	at := d.i
	s := d.str()
	if d.err == nil {
		m, err := servuction.ParseMoney(s)
		if err != nil {
			d.i = at
			d.fail("cost.amount: %v", err)
		}
		k.Amount = m
	}
	if d.opt(`,"note":`) {
		k.Note = d.str()
	}
	d.lit("}")
}

func (d *decoder) message(m *Message) {
	d.lit(`{"key":`)
	m.Key = d.str()
	d.lit(`,"case":`)
	m.Case = d.str()
	d.lit(`,"medium":`)
	m.Medium = Medium(d.enum("outbox.medium", mediumList))
	d.lit(`,"to":`)
	m.To = d.str()
	if d.opt(`,"subject":`) {
		m.Subject = d.str()
	}
	if d.opt(`,"body":`) {
		m.Body = d.str()
	}
	d.lit("}")
}
