package report

import (
	"errors"
	"math"

	"github.com/servuction/servuction/internal/enum"
	"github.com/servuction/servuction/internal/human"
)

// ErrInvalidInput is wrapped by every error this package returns: an unknown
// language name or a report that cannot be written.
var ErrInvalidInput = errors.New("report: invalid input")

// Lang is the language of a report's labels, axes, legends and built-in
// texts. The zero value is [English]. Text that a caller supplies (titles,
// attribute and moment names) is printed as given.
type Lang uint8

// The languages a report can be written in.
const (
	English Lang = iota // en
	Spanish             // es: the course notes' terms
)

var langNames = enum.New("report: language", ErrInvalidInput,
	[]string{"en", "es"},
	map[string]Lang{"english": English, "inglés": English, "en-US": English, "en-GB": English,
		"spanish": Spanish, "español": Spanish, "castellano": Spanish, "es-CO": Spanish, "es-ES": Spanish})

// ParseLang returns the language named s: "en", "english", "inglés", "es",
// "spanish", "español", "es-CO", … in any case, accents optional.
func ParseLang(s string) (Lang, error) { return langNames.Parse(s) }

// String returns the language's code, "en" or "es".
func (l Lang) String() string { return langNames.String(l) }

// IsValid reports whether l is a defined language.
func (l Lang) IsValid() bool { return langNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Lang) MarshalText() ([]byte, error) { return langNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLang].
func (l *Lang) UnmarshalText(text []byte) error { return langNames.UnmarshalText(l, text) }

// t returns the English or the Spanish text; an undefined Lang is English.
func (l Lang) t(en, es string) string {
	if l == Spanish {
		return es
	}
	return en
}

// human returns the language as package human's.
func (l Lang) human() human.Lang {
	if l == Spanish {
		return human.Spanish
	}
	return human.English
}

// num formats v with dec decimals and the language's separators: 12,345.6 in
// English, 12.345,6 in Spanish. A non-finite v is written as "–" (no value).
func (l Lang) num(v float64, dec int) string { return human.Number(v, dec, l.human()) }

// pct formats a percentage (95.2 → "95.2 %" / "95,2 %").
func (l Lang) pct(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return l.num(v, dec) + " %"
}

// finite reports whether v is neither NaN nor an infinity.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
