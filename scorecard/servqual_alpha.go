package scorecard

import (
	"fmt"
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// ServqualScore says which scores of a SERVQUAL questionnaire a reliability
// analysis reads. The zero value is [PerceptionScores].
type ServqualScore uint8

// The scores of a questionnaire.
const (
	PerceptionScores  ServqualScore = iota // percepciones (SERVPERF)
	ExpectationScores                      // expectativas
	GapScores                              // brechas: perception − expectation, item by item
)

var servqualScoreNames = enum.New("scorecard: servqual score", ErrInvalidValue,
	[]string{"perceptions", "expectations", "gaps"},
	map[string]ServqualScore{"percepciones": PerceptionScores, "perception": PerceptionScores,
		"expectativas": ExpectationScores, "expectation": ExpectationScores,
		"brechas": GapScores, "gap": GapScores, "brecha": GapScores})

// ParseServqualScore returns the scores named s ("gaps", "percepciones", …).
func ParseServqualScore(s string) (ServqualScore, error) { return servqualScoreNames.Parse(s) }

// String returns the scores' English name.
func (s ServqualScore) String() string { return servqualScoreNames.String(s) }

// IsValid reports whether s is defined.
func (s ServqualScore) IsValid() bool { return servqualScoreNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s ServqualScore) MarshalText() ([]byte, error) { return servqualScoreNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseServqualScore].
func (s *ServqualScore) UnmarshalText(text []byte) error {
	return servqualScoreNames.UnmarshalText(s, text)
}

// DimensionReliability is the reliability of one SERVQUAL dimension's items,
// or the error that prevented it (a dimension with fewer than two items,
// too few complete answers, an item nobody varies on).
type DimensionReliability struct {
	Dimension   Dimension
	Items       []string // the IDs of the dimension's items, in instrument order
	Reliability Reliability
	Err         error
}

// ServqualAlpha returns Cronbach's alpha of each SERVQUAL dimension, read
// straight from the responses: the chosen scores of the dimension's items,
// reverse-keyed items recoded (Min + Max − v) so that they count the same way
// as the others, and blank or not-applicable answers missing (a gap is missing
// when either side is), handled by policy (Listwise or Pairwise; CompleteOnly
// makes a missing answer an error of that dimension). The five dimensions come
// back in order, each with its own result or error. The call itself fails only
// for an undefined score or policy, or a response of the wrong length
// (errors wrap [ErrInvalidValue] or [ErrRagged]).
func ServqualAlpha(in *Instrument, responses []ServqualResponse, score ServqualScore, policy MissingPolicy) ([NumDimensions]DimensionReliability, error) {
	var out [NumDimensions]DimensionReliability
	if in == nil {
		in = defaultServqual
	}
	if !score.IsValid() {
		return out, fmt.Errorf("scorecard: servqual alpha: score %d undefined: %w", score, ErrInvalidValue)
	}
	if !policy.IsValid() {
		return out, fmt.Errorf("scorecard: servqual alpha: missing policy %d undefined: %w", policy, ErrInvalidValue)
	}
	var cols [NumDimensions][]int
	for i, it := range in.items {
		cols[it.Dimension-1] = append(cols[it.Dimension-1], i)
	}
	for d := range NumDimensions {
		out[d].Dimension = Dimension(d + 1)
		for _, i := range cols[d] {
			out[d].Items = append(out[d].Items, in.items[i].ID)
		}
	}
	rows := make([][]float64, len(responses))
	for r, resp := range responses {
		if len(resp.Perceptions) != in.Len() || (score != PerceptionScores && len(resp.Expectations) != in.Len()) {
			return out, fmt.Errorf("scorecard: servqual alpha: response %d: %d perceptions and %d expectations for %d items: %w",
				r+1, len(resp.Perceptions), len(resp.Expectations), in.Len(), ErrRagged)
		}
		row := make([]float64, in.Len())
		for i := range row {
			row[i] = in.itemScore(resp, i, score)
		}
		rows[r] = row
	}
	for d := range NumDimensions {
		out[d].Reliability, out[d].Err = dimensionAlpha(rows, cols[d], policy)
	}
	return out, nil
}

// itemScore returns the response's score on item i (reverse keys applied),
// NaN when missing or not applicable or out of the scale.
func (in *Instrument) itemScore(r ServqualResponse, i int, score ServqualScore) float64 {
	get := func(a Answer) float64 {
		v, ok := a.Rating()
		if !ok || !in.scale.Contains(v) {
			return math.NaN()
		}
		if in.items[i].Reverse {
			v = in.scale.Reverse(v)
		}
		return float64(v)
	}
	switch score {
	case ExpectationScores:
		return get(r.Expectations[i])
	case GapScores:
		return get(r.Perceptions[i]) - get(r.Expectations[i])
	}
	return get(r.Perceptions[i])
}

func dimensionAlpha(rows [][]float64, cols []int, policy MissingPolicy) (Reliability, error) {
	if len(cols) < 2 {
		return Reliability{}, fmt.Errorf("scorecard: servqual alpha: %d items in the dimension, want at least 2: %w", len(cols), ErrInsufficientData)
	}
	a := &Alpha{policy: policy}
	sub := make([][]float64, len(rows))
	for r, row := range rows {
		sub[r] = make([]float64, len(cols))
		for j, c := range cols {
			sub[r][j] = row[c]
		}
	}
	if err := a.AddRows(sub); err != nil {
		return Reliability{}, err
	}
	return a.Result()
}
