package typology

import (
	"math"
	"strconv"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// Reason is one step of a classification's explanation: the rule that was
// applied and the figures it used, so an agent can see why, in English and
// in Spanish (the language of the course notes).
type Reason struct {
	// Rule is the stable code of the rule, e.g. "behaviour.abusive"; a
	// program matches on it, never on the text.
	Rule string
	// Detail is the explanation in English, e.g. "3 of 4 checked complaints
	// unfounded (75% ≥ 50%) …".
	Detail string
	// DetailES is the same explanation in Spanish, e.g. "3 de 4 quejas
	// verificadas infundadas (75% ≥ 50%) …".
	DetailES string
}

// String returns "rule: detail", in English.
func (r Reason) String() string { return r.Rule + ": " + r.Detail }

// In returns the explanation in l: DetailES for [Spanish], Detail
// otherwise (and when no Spanish text was set).
func (r Reason) In(l Language) string {
	if l == Spanish && r.DetailES != "" {
		return r.DetailES
	}
	return r.Detail
}

// explainer writes the reasons of one classification, English and Spanish,
// into one buffer without formatting through fmt, and hands them out as
// slices of one string at the end: a handful of allocations for a whole
// profile instead of several per reason. The buffer is an array inside the
// explainer (so the explainer, and its text, stay on the caller's stack)
// until the text outgrows it, which no profile of the package does.
type explainer struct {
	arr     [2048]byte
	len     int
	spill   []byte // the text once it outgrew arr; nil before
	pending [maxProfileReasons]pendingReason
	n       int
	tmp     [32]byte
	window  time.Duration // the classification window, written as "365d"
}

// maxProfileReasons bounds the reasons of one profile: one per
// classification, two for the relationship.
const maxProfileReasons = 6

type pendingReason struct {
	rule               string
	en0, en1, es0, es1 int
}

// size is the length of the text written so far.
func (e *explainer) size() int {
	if e.spill != nil {
		return len(e.spill)
	}
	return e.len
}

// begin starts a reason: what is written next is its English text.
func (e *explainer) begin(rule string) {
	e.pending[e.n] = pendingReason{rule: rule, en0: e.size()}
	e.n++
}

// es ends the English text; what is written next is the Spanish text.
func (e *explainer) es() {
	p := &e.pending[e.n-1]
	p.en1, p.es0 = e.size(), e.size()
}

// end ends the Spanish text.
func (e *explainer) end() { e.pending[e.n-1].es1 = e.size() }

// text writes a reason whose two texts have no figures.
func (e *explainer) text(rule, en, es string) {
	e.begin(rule)
	e.s(en)
	e.es()
	e.s(es)
	e.end()
}

func (e *explainer) s(s string) {
	if e.spill == nil && e.len+len(s) <= len(e.arr) {
		e.len += copy(e.arr[e.len:], s)
		return
	}
	if e.spill == nil {
		e.spill = append(make([]byte, 0, 2*len(e.arr)), e.arr[:e.len]...)
	}
	e.spill = append(e.spill, s...)
}

func (e *explainer) b(b []byte) {
	if e.spill == nil && e.len+len(b) <= len(e.arr) {
		e.len += copy(e.arr[e.len:], b)
		return
	}
	if e.spill == nil {
		e.spill = append(make([]byte, 0, 2*len(e.arr)), e.arr[:e.len]...)
	}
	e.spill = append(e.spill, b...)
}

func (e *explainer) i(n int) { e.i64(int64(n)) }

func (e *explainer) i64(n int64) {
	if e.spill == nil && len(e.arr)-e.len >= 20 { // room for any int64: format in place
		e.len += len(strconv.AppendInt(e.arr[e.len:e.len], n, 10))
		return
	}
	e.b(strconv.AppendInt(e.tmp[:0], n, 10))
}

// dur writes d as formatDuration does: whole days as "365d".
func (e *explainer) dur(d time.Duration) {
	if d != 0 && d%Day == 0 {
		e.i64(int64(d / Day))
		e.s("d")
		return
	}
	e.s(d.String())
}

// f writes v with prec decimals, as fmt's %.{prec}f does.
func (e *explainer) f(v float64, prec int) {
	if prec == 0 && v >= 0 && v < 1e15 {
		// RoundToEven on the exact binary value is what %.0f prints.
		e.i64(int64(math.RoundToEven(v)))
		return
	}
	e.b(strconv.AppendFloat(e.tmp[:0], v, 'f', prec, 64))
}

// pct writes x as a whole percentage, "75%".
func (e *explainer) pct(x float64) {
	e.f(100*x, 0)
	e.s("%")
}

// days writes d in whole days, "30 d".
func (e *explainer) days(d time.Duration) {
	e.f(d.Hours()/24, 0)
	e.s(" d")
}

func (e *explainer) money(m servuction.Money) {
	e.b(appendDecimal(e.tmp[:0], m.Amount))
	if m.Currency != "" {
		e.s(" ")
		e.s(m.Currency)
	}
}

// appendDecimal appends d as d.String() writes it (trailing fractional
// zeros trimmed), without allocating when the coefficient fits 18 digits.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	if exp < -18 || exp > 18 || !fitsInt64Digits(d) {
		return append(b, d.String()...)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	if exp >= 0 {
		b = strconv.AppendInt(b, c, 10)
		if c != 0 {
			for range exp {
				b = append(b, '0')
			}
		}
		return b
	}
	var digits [20]byte
	str := strconv.AppendInt(digits[:0], c, 10)
	frac := int(-exp)
	if len(str) > frac {
		b = append(b, str[:len(str)-frac]...)
		str = str[len(str)-frac:]
	} else {
		b = append(b, '0')
		pad := frac - len(str)
		for len(str) > 0 && str[len(str)-1] == '0' {
			str = str[:len(str)-1]
		}
		if len(str) == 0 {
			return b
		}
		b = append(b, '.')
		for range pad {
			b = append(b, '0')
		}
		return append(b, str...)
	}
	for len(str) > 0 && str[len(str)-1] == '0' {
		str = str[:len(str)-1]
	}
	if len(str) > 0 {
		b = append(b, '.')
		b = append(b, str...)
	}
	return b
}

// fitsInt64Digits reports whether d's coefficient has at most 18 digits
// (so that it and its decimal text fit an int64), comparing with ±10¹⁸ at
// d's exponent instead of counting digits with a logarithm.
func fitsInt64Digits(d decimal.Decimal) bool {
	l := &digitLimits[d.Exponent()+18] // the caller checked |exponent| ≤ 18
	return d.Cmp(l[1]) < 0 && d.Cmp(l[0]) > 0
}

// digitLimits[e+18] is ±10¹⁸ at exponent e, for e in −18…18.
var digitLimits = func() (l [37][2]decimal.Decimal) {
	for e := -18; e <= 18; e++ {
		l[e+18] = [2]decimal.Decimal{decimal.New(-1e18, int32(e)), decimal.New(1e18, int32(e))}
	}
	return l
}()

// yesNo writes "true"/"false" in English and "sí"/"no" in Spanish.
func (e *explainer) yesNo(b bool, l Language) {
	switch {
	case l == Spanish && b:
		e.s("sí")
	case l == Spanish:
		e.s("no")
	default:
		e.b(strconv.AppendBool(e.tmp[:0], b))
	}
}

// mark returns the number of reasons written so far, to slice finish's
// result by classification.
func (e *explainer) mark() int { return e.n }

// finish converts the buffer to one string and returns every reason, in
// the order written, sharing it.
func (e *explainer) finish() []Reason {
	var all string
	if e.spill != nil {
		all = string(e.spill)
	} else {
		all = string(e.arr[:e.len])
	}
	out := make([]Reason, e.n)
	for i, p := range e.pending[:e.n] {
		out[i] = Reason{Rule: p.rule, Detail: all[p.en0:p.en1], DetailES: all[p.es0:p.es1]}
	}
	return out
}

// Spanish names of the types that reasons mention.
var (
	personalityES = [...]string{"desconocida", "criticón", "tímido", "comunicativo", "minucioso", "dominante", "ofensivo"}
	motivationES  = [...]string{"desconocida", "racional", "afectiva"}
	levelES       = [...]string{"desconocido", "básico", "reactivo", "responsable", "proactivo", "colaborativo"}
)
