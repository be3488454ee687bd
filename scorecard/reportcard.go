package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Attribute is a key attribute of service quality (atributo clave de la
// calidad del servicio) with its relative importance (importancia relativa).
type Attribute struct {
	Name       string  `json:"name"`
	Importance float64 `json:"importance"` // a fraction (all sum to 1) or points (all sum to 100)
}

// Provider is a business rated on the attributes: ours or a competitor's.
type Provider struct {
	Name   string    `json:"name"`
	Scores []float64 `json:"scores"` // mean rating per attribute, in attribute order (puntajes)
}

// ReportCard is Albrecht's customer report card (libreta de calificaciones
// del cliente): the attributes customers judge, how much each matters, and
// the scores of our business and of its competitors. It is immutable; build it
// with [NewReportCard] or from survey answers with [CardSurvey].
type ReportCard struct {
	scale     Scale
	attrs     []Attribute
	weights   []float64 // importance as fractions summing to 1
	providers []Provider
}

// NewReportCard validates and returns a report card on scale for attributes,
// with our scores first and then each competitor's. Importances are either
// fractions summing to 1 or points summing to 100 (within 1e-6); every
// problem is reported at once, each wrapping [ErrInvalidInstrument],
// [ErrInvalidWeights], [ErrRagged] or [ErrOutOfRange].
func NewReportCard(scale Scale, attrs []Attribute, us Provider, competitors ...Provider) (*ReportCard, error) {
	var errs []error
	if err := scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(attrs) == 0 {
		errs = append(errs, fmt.Errorf("scorecard: report card: no attributes: %w", ErrInvalidInstrument))
	}
	rc := &ReportCard{scale: scale, attrs: append([]Attribute(nil), attrs...)}
	seen := map[string]bool{}
	sum := 0.0
	for i, a := range attrs {
		if a.Name == "" || seen[a.Name] {
			errs = append(errs, fmt.Errorf("scorecard: report card: attribute %d: name %q empty or duplicate: %w", i+1, a.Name, ErrInvalidInstrument))
		}
		seen[a.Name] = true
		if math.IsNaN(a.Importance) || math.IsInf(a.Importance, 0) || a.Importance < 0 {
			errs = append(errs, fmt.Errorf("scorecard: report card: attribute %q: importance %v: want a finite value ≥ 0: %w", a.Name, a.Importance, ErrInvalidWeights))
			continue
		}
		sum += a.Importance
	}
	total := 0.0
	switch {
	case math.Abs(sum-1) <= 1e-6:
		total = 1
	case math.Abs(sum-100) <= 1e-6:
		total = 100
	default:
		errs = append(errs, fmt.Errorf("scorecard: report card: importances sum to %v, want 1 (fractions) or 100 (points): %w", sum, ErrInvalidWeights))
	}
	if total > 0 {
		rc.weights = make([]float64, len(attrs))
		for i, a := range attrs {
			rc.weights[i] = a.Importance / total
		}
	}
	pseen := map[string]bool{}
	for _, p := range append([]Provider{us}, competitors...) {
		if p.Name == "" || pseen[p.Name] {
			errs = append(errs, fmt.Errorf("scorecard: report card: provider name %q empty or duplicate: %w", p.Name, ErrInvalidInstrument))
		}
		pseen[p.Name] = true
		if len(p.Scores) != len(attrs) {
			errs = append(errs, fmt.Errorf("scorecard: report card: provider %q: %d scores for %d attributes: %w", p.Name, len(p.Scores), len(attrs), ErrRagged))
			continue
		}
		for i, v := range p.Scores {
			if !scale.ContainsFloat(v) {
				errs = append(errs, fmt.Errorf("scorecard: report card: provider %q: attribute %q: score %v outside scale %s: %w", p.Name, attrs[i].Name, v, scale, ErrOutOfRange))
			}
		}
		rc.providers = append(rc.providers, Provider{Name: p.Name, Scores: append([]float64(nil), p.Scores...)})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return rc, nil
}

// check reports a zero ReportCard, which has nothing to analyse.
func (rc *ReportCard) check() error {
	if rc == nil || len(rc.attrs) == 0 || len(rc.providers) == 0 {
		return fmt.Errorf("scorecard: report card: empty (zero value): build it with NewReportCard: %w", ErrInvalidInstrument)
	}
	return nil
}

// Scale returns the rating scale.
func (rc *ReportCard) Scale() Scale { return rc.scale }

// Attributes returns a copy of the attributes.
func (rc *ReportCard) Attributes() []Attribute { return append([]Attribute(nil), rc.attrs...) }

// Providers returns a copy of the providers, ours first.
func (rc *ReportCard) Providers() []Provider {
	out := make([]Provider, len(rc.providers))
	for i, p := range rc.providers {
		out[i] = Provider{Name: p.Name, Scores: append([]float64(nil), p.Scores...)}
	}
	return out
}

// Weights returns the importances as fractions summing to 1.
func (rc *ReportCard) Weights() []float64 { return append([]float64(nil), rc.weights...) }

// AttributeRow is one attribute of a scored report card. Slices are indexed
// by provider, ours first; Difference and Ratio compare ours with each
// provider (index 0 compares us with ourselves: 0 and 1).
type AttributeRow struct {
	Name       string
	Weight     float64   // importance as a fraction
	Scores     []float64 // each provider's score
	Difference []float64 // ours − theirs
	Ratio      []float64 // ours / theirs (NaN when theirs is 0)
	Rank       []int     // each provider's rank on this attribute, 1 = best; ties share the better rank
}

// ReportCardResult is the scored report card.
type ReportCardResult struct {
	Providers  []string
	Attributes []AttributeRow
	Overall    []float64 // weighted overall score per provider, Σ weight × score
	Difference []float64 // our overall − each provider's overall
	Ratio      []float64 // our overall / each provider's overall (NaN when 0)
	Rank       []int     // rank of each provider by overall score, 1 = best
}

// Result scores the report card (a zero ReportCard scores nothing: every
// slice is empty).
func (rc *ReportCard) Result() ReportCardResult {
	np := len(rc.providers)
	res := ReportCardResult{Providers: make([]string, np), Overall: make([]float64, np)}
	for p, pr := range rc.providers {
		res.Providers[p] = pr.Name
		for i, w := range rc.weights {
			res.Overall[p] += w * pr.Scores[i]
		}
	}
	res.Difference, res.Ratio = compare(res.Overall)
	res.Rank = ranks(res.Overall)
	for i, a := range rc.attrs {
		row := AttributeRow{Name: a.Name, Weight: rc.weights[i], Scores: make([]float64, np)}
		for p, pr := range rc.providers {
			row.Scores[p] = pr.Scores[i]
		}
		row.Difference, row.Ratio = compare(row.Scores)
		row.Rank = ranks(row.Scores)
		res.Attributes = append(res.Attributes, row)
	}
	return res
}

func compare(v []float64) (diff, ratio []float64) {
	diff, ratio = make([]float64, len(v)), make([]float64, len(v))
	for p := range v {
		diff[p] = v[0] - v[p]
		if v[p] == 0 {
			ratio[p] = math.NaN()
		} else {
			ratio[p] = v[0] / v[p]
		}
	}
	return diff, ratio
}

// ranks returns competition ranks (1 = highest; equal values share a rank).
func ranks(v []float64) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] > v[idx[b]] })
	out := make([]int, len(v))
	for pos, i := range idx {
		if pos > 0 && v[i] == v[idx[pos-1]] {
			out[i] = out[idx[pos-1]]
		} else {
			out[i] = pos + 1
		}
	}
	return out
}

type reportCardJSON struct {
	Scale      Scale       `json:"scale"`
	Attributes []Attribute `json:"attributes"`
	Providers  []Provider  `json:"providers"` // ours first
}

// MarshalJSON encodes the report card as {"scale", "attributes",
// "providers"}, ours first.
func (rc *ReportCard) MarshalJSON() ([]byte, error) {
	return json.Marshal(reportCardJSON{Scale: rc.scale, Attributes: rc.attrs, Providers: rc.providers})
}

// UnmarshalJSON decodes and validates a report card as [NewReportCard] does;
// on error *rc is unchanged.
func (rc *ReportCard) UnmarshalJSON(data []byte) error {
	var j reportCardJSON
	if err := strictJSON(data, &j); err != nil {
		return fmt.Errorf("scorecard: report card JSON: %w: %w", ErrInvalidInstrument, err)
	}
	if len(j.Providers) == 0 {
		return fmt.Errorf("scorecard: report card JSON: no providers: %w", ErrInvalidInstrument)
	}
	v, err := NewReportCard(j.Scale, j.Attributes, j.Providers[0], j.Providers[1:]...)
	if err != nil {
		return err
	}
	*rc = *v
	return nil
}
