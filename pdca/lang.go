package pdca

import (
	"fmt"
	"strings"
)

// The Check explains itself in English and in Spanish, the language of the
// course notes (the report's -lang es). Sentences are built once in both
// languages from the same arguments; numbers are localized (a decimal comma
// in Spanish).

// spanish reports whether lang names Spanish: "es", "es-CO", "español"...
func spanish(lang string) bool {
	l := strings.ToLower(strings.TrimSpace(lang))
	return l == "es" || strings.HasPrefix(l, "es-") || strings.HasPrefix(l, "es_") || l == "español" || l == "espanol" || l == "spanish"
}

// number is a float argument of a sentence, written %.4g with the
// language's decimal mark.
type number float64

// pvalue is a p-value argument with its relation: "= 0.628", or "< 0.001"
// when below 0.001.
type pvalue float64

// localized is a word argument with its English and Spanish forms.
type localized struct{ en, es string }

// localize returns args with numbers and words written for the language.
func localize(args []any, es bool) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case number:
			out[i] = decimal(fmt.Sprintf("%.4g", float64(v)), es)
		case pvalue:
			if v < 0.001 {
				out[i] = decimal("< 0.001", es)
			} else {
				out[i] = decimal(fmt.Sprintf("= %.3f", float64(v)), es)
			}
		case localized:
			out[i] = v.en
			if es {
				out[i] = v.es
			}
		default:
			out[i] = a
		}
	}
	return out
}

func decimal(s string, es bool) string {
	if es {
		return strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// words collects the sentences of a Check's reason in both languages: what
// it found first, then notes on how it judged (the chart, the monitor).
type words struct {
	en, es         []string
	notesEN, notes []string
}

// say adds a sentence of the finding.
func (w *words) say(en, es string, args ...any) {
	w.en = append(w.en, fmt.Sprintf(en, localize(args, false)...))
	w.es = append(w.es, fmt.Sprintf(es, localize(args, true)...))
}

// note adds a sentence on how the Check judged.
func (w *words) note(en, es string, args ...any) {
	w.notesEN = append(w.notesEN, fmt.Sprintf(en, localize(args, false)...))
	w.notes = append(w.notes, fmt.Sprintf(es, localize(args, true)...))
}

// into sets the reason of res.
func (w *words) into(res CheckResult) CheckResult {
	res.Reason = strings.Join(append(append([]string(nil), w.en...), w.notesEN...), "; ")
	res.ReasonES = strings.Join(append(append([]string(nil), w.es...), w.notes...), "; ")
	return res
}

// symbol returns the short name of a chart in running text: p, np, c, u,
// p′, u′, g, t, I, MR, X̄, R, S.
func symbol(k ChartKind) string {
	switch k {
	case PPrime:
		return "p′"
	case UPrime:
		return "u′"
	case Individuals:
		return "I"
	case MovingRanges:
		return "MR"
	case Means:
		return "X̄"
	case Ranges:
		return "R"
	case StdDevs:
		return "S"
	}
	return k.String()
}
