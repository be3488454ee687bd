package scorecard

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/servuction/servuction/internal/enum"
)

// CSVOptions maps the header of a survey CSV file onto an [Instrument]. The
// zero value uses the defaults shown.
type CSVOptions struct {
	// ExpectationPrefix and PerceptionPrefix name each item's columns:
	// prefix + item ID, "E1" and "P1" by default. Perception columns are
	// required; expectation columns are all present (SERVQUAL) or all absent
	// (SERVPERF).
	ExpectationPrefix, PerceptionPrefix string
	// PhaseColumn and SourceColumn are optional metadata columns, "phase" and
	// "source" by default, parsed with [ParsePhase] and [ParseSource].
	PhaseColumn, SourceColumn string
	// WeightColumn is the optional survey-weight column, "weight" by
	// default; blank means 1.
	WeightColumn string
	// ImportancePrefix + the dimension's English name ("W_tangibles", …,
	// "W_empathy" by default) are the optional 100-point allocation columns:
	// all five or none; a row with all five blank has no allocation.
	ImportancePrefix string
}

func (o CSVOptions) withDefaults() CSVOptions {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&o.ExpectationPrefix, "E")
	def(&o.PerceptionPrefix, "P")
	def(&o.PhaseColumn, "phase")
	def(&o.SourceColumn, "source")
	def(&o.ImportancePrefix, "W_")
	def(&o.WeightColumn, "weight")
	return o
}

// ParseAnswer reads one cell: blank is [Missing]; "NA", "N/A", "no aplica"
// (any case, accents optional) or "-" is [NotApplicable]; otherwise an
// integer on scale s. Errors wrap [ErrOutOfRange] or [ErrInvalidCSV].
func ParseAnswer(cell string, s Scale) (Answer, error) {
	c := strings.TrimSpace(cell)
	if c == "" {
		return Answer{}, nil
	}
	if c == "-" {
		return NA(), nil
	}
	if st, err := ParseAnswerState(c); err == nil && st == NotApplicable {
		return NA(), nil
	}
	v, err := strconv.Atoi(c)
	if err != nil {
		return Answer{}, fmt.Errorf("scorecard: value %q: not an integer rating, blank or N/A: %w", cell, ErrInvalidCSV)
	}
	if !s.Contains(v) {
		return Answer{}, fmt.Errorf("scorecard: value %q: outside scale %s: %w", cell, s, ErrOutOfRange)
	}
	return Rated(v), nil
}

// ReadServqualCSV reads survey responses for instrument in (nil means
// [DefaultServqual]) from CSV with a header row. A bad cell returns an error
// naming the line, the column and the value, wrapping [ErrInvalidCSV] or
// [ErrOutOfRange] (and [ErrInvalidWeights] or [ErrInvalidValue] for
// allocations and metadata); a missing or duplicate column is an
// [ErrInvalidCSV] error. Columns the options do not name are ignored.
func ReadServqualCSV(r io.Reader, in *Instrument, opt CSVOptions) ([]ServqualResponse, error) {
	if in == nil {
		in = defaultServqual
	}
	opt = opt.withDefaults()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("scorecard: CSV header: %w: %w", ErrInvalidCSV, err)
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("scorecard: CSV header: duplicate column %q: %w", h, ErrInvalidCSV)
		}
		col[h] = i
	}
	k := in.Len()
	pcol, ecol := make([]int, k), make([]int, k)
	var missingP []string
	eFound := 0
	for i := range k {
		id := in.items[i].ID
		var ok bool
		if pcol[i], ok = col[opt.PerceptionPrefix+id]; !ok {
			missingP = append(missingP, opt.PerceptionPrefix+id)
		}
		if ecol[i], ok = col[opt.ExpectationPrefix+id]; ok {
			eFound++
		} else {
			ecol[i] = -1
		}
	}
	if len(missingP) > 0 {
		return nil, fmt.Errorf("scorecard: CSV header: missing perception columns %s: %w", strings.Join(missingP, ", "), ErrInvalidCSV)
	}
	if eFound != 0 && eFound != k {
		return nil, fmt.Errorf("scorecard: CSV header: %d of %d expectation columns (%s…): want all or none: %w", eFound, k, opt.ExpectationPrefix, ErrInvalidCSV)
	}
	var wcol [NumDimensions]int
	wFound := 0
	for d := range NumDimensions {
		name := opt.ImportancePrefix + Dimension(d+1).String()
		var ok bool
		if wcol[d], ok = col[name]; ok {
			wFound++
		}
	}
	if wFound != 0 && wFound != NumDimensions {
		return nil, fmt.Errorf("scorecard: CSV header: %d of 5 importance columns (%s…): want all or none: %w", wFound, opt.ImportancePrefix, ErrInvalidCSV)
	}
	phaseCol, hasPhase := col[opt.PhaseColumn]
	sourceCol, hasSource := col[opt.SourceColumn]
	weightCol, hasWeight := col[opt.WeightColumn]

	var out []ServqualResponse
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvReadError(err)
		}
		line, _ := cr.FieldPos(0)
		cellErr := func(c int, err error) error {
			return fmt.Errorf("scorecard: CSV line %d, column %q: %w", line, strings.TrimSpace(header[c]), err)
		}
		resp := ServqualResponse{Perceptions: make([]Answer, k)}
		if eFound > 0 {
			resp.Expectations = make([]Answer, k)
		}
		for i := range k {
			if resp.Perceptions[i], err = ParseAnswer(rec[pcol[i]], in.scale); err != nil {
				return nil, cellErr(pcol[i], err)
			}
			if eFound > 0 {
				if resp.Expectations[i], err = ParseAnswer(rec[ecol[i]], in.scale); err != nil {
					return nil, cellErr(ecol[i], err)
				}
			}
		}
		if wFound > 0 {
			for d, c := range wcol {
				cell := strings.TrimSpace(rec[c])
				if cell == "" {
					continue
				}
				w, perr := strconv.ParseFloat(cell, 64)
				if perr != nil || math.IsNaN(w) || math.IsInf(w, 0) {
					return nil, cellErr(c, fmt.Errorf("scorecard: value %q: not a finite number: %w", rec[c], ErrInvalidWeights))
				}
				resp.Importance[d] = w
			}
			if err := resp.Importance.Validate(); err != nil {
				return nil, fmt.Errorf("scorecard: CSV line %d: %w", line, err)
			}
		}
		if cell := strings.TrimSpace(safeCell(rec, weightCol, hasWeight)); cell != "" {
			w, perr := strconv.ParseFloat(cell, 64)
			if perr != nil || math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
				return nil, cellErr(weightCol, fmt.Errorf("scorecard: value %q: want a finite weight ≥ 0: %w", cell, ErrInvalidWeights))
			}
			resp.Weight = w
		}
		if hasPhase && strings.TrimSpace(rec[phaseCol]) != "" {
			if resp.Phase, err = ParsePhase(rec[phaseCol]); err != nil {
				return nil, cellErr(phaseCol, err)
			}
		}
		if hasSource && strings.TrimSpace(rec[sourceCol]) != "" {
			if resp.Source, err = ParseSource(rec[sourceCol]); err != nil {
				return nil, cellErr(sourceCol, err)
			}
		}
		out = append(out, resp)
	}
	return out, nil
}

// ReadRatingsCSV reads numeric ratings for [Cronbach] and friends from CSV with
// a header row: columns names the columns to read, in order (nil: every
// column). Blank and not-applicable cells (see [ParseAnswer]) become NaN, the
// missing-answer marker of [CronbachListwise] and [CronbachPairwise]; any
// other cell must be a finite number. Errors name line, column and value and
// wrap [ErrInvalidCSV].
func ReadRatingsCSV(r io.Reader, columns []string) ([][]float64, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("scorecard: CSV header: %w: %w", ErrInvalidCSV, err)
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	idx := make([]int, 0, len(header))
	names := make([]string, 0, len(header))
	if columns == nil {
		for i, h := range header {
			idx = append(idx, i)
			names = append(names, h)
		}
	} else {
		for _, c := range columns {
			found := -1
			for i, h := range header {
				if h == c {
					found = i
					break
				}
			}
			if found < 0 {
				return nil, fmt.Errorf("scorecard: CSV header: no column %q: %w", c, ErrInvalidCSV)
			}
			idx = append(idx, found)
			names = append(names, c)
		}
	}
	var rows [][]float64
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvReadError(err)
		}
		line, _ := cr.FieldPos(0)
		row := make([]float64, len(idx))
		for j, c := range idx {
			cell := strings.TrimSpace(rec[c])
			if cell == "" || cell == "-" || enum.Fold(cell) == "na" || enum.Fold(cell) == "noaplica" {
				row[j] = math.NaN()
				continue
			}
			v, perr := strconv.ParseFloat(cell, 64)
			if perr != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("scorecard: CSV line %d, column %q: value %q: not a finite number: %w", line, names[j], rec[c], ErrInvalidCSV)
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// csvReadError wraps a csv.Reader error (a *csv.ParseError names its line).
func csvReadError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("scorecard: CSV line %d: %w: %w", pe.Line, ErrInvalidCSV, err)
	}
	return fmt.Errorf("scorecard: CSV: %w: %w", ErrInvalidCSV, err)
}

func safeCell(rec []string, i int, ok bool) string {
	if !ok {
		return ""
	}
	return rec[i]
}
