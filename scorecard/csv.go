package scorecard

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// Comma is the field delimiter, ',' by default. Spreadsheets set to
	// Spanish (and most of continental Europe and Latin America) save CSV
	// with ';', because ',' is their decimal separator.
	Comma rune
	// DecimalComma reads "3,5" as 3.5 in numeric cells (weights, importance
	// points, ratings for alpha); a '.' in a cell that also has a comma is a
	// thousands separator ("1.234,5"). Cells without a comma parse as usual.
	DecimalComma bool
}

// Validate reports a delimiter encoding/csv cannot use (a quote, a line
// break, the Unicode replacement character) or one that clashes with
// decimal commas; errors wrap [ErrInvalidCSV].
func (o CSVOptions) Validate() error {
	c := o.Comma
	if c == 0 {
		c = ','
	}
	if c == '"' || c == '\r' || c == '\n' || c == 0xFFFD || !utf8.ValidRune(c) {
		return fmt.Errorf("scorecard: CSV options: delimiter %q not usable: %w", c, ErrInvalidCSV)
	}
	if o.DecimalComma && c == ',' {
		return fmt.Errorf("scorecard: CSV options: decimal commas need another delimiter (';'): %w", ErrInvalidCSV)
	}
	return nil
}

// newReader returns a csv.Reader with the options' delimiter.
func (o CSVOptions) newReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	if o.Comma != 0 {
		cr.Comma = o.Comma
	}
	return cr
}

// parseNumber reads a numeric cell, with a decimal comma if asked.
func (o CSVOptions) parseNumber(cell string) (float64, error) {
	if o.DecimalComma && strings.Contains(cell, ",") {
		cell = strings.ReplaceAll(strings.ReplaceAll(cell, ".", ""), ",", ".")
	}
	return strconv.ParseFloat(cell, 64)
}

// headerHint explains a header that looks like a semicolon-separated file
// read with commas: one column holding semicolons.
func (o CSVOptions) headerHint(header []string) string {
	c := o.Comma
	if c == 0 {
		c = ','
	}
	for _, h := range header {
		if c != ';' && strings.Count(h, ";") >= 1 {
			return " (the header holds semicolons: the file looks semicolon-separated, as spreadsheets in Spanish save CSV; set CSVOptions.Comma to ';' and, for numbers like 3,5, DecimalComma)"
		}
	}
	return ""
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
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	cr := opt.newReader(r)
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("scorecard: CSV header: %w: %w", ErrInvalidCSV, err)
	}
	l, err := newServqualLayout(header, in, opt)
	if err != nil {
		return nil, err
	}
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
		resp, err := l.parse(rec, line)
		if err != nil {
			return nil, err
		}
		out = append(out, resp)
	}
	return out, nil
}

// servqualLayout maps an instrument's items and the metadata onto the
// columns of a CSV header.
type servqualLayout struct {
	in                             *Instrument
	opt                            CSVOptions
	header                         []string
	pcol, ecol                     []int
	hasE                           bool
	wcol                           [NumDimensions]int
	hasW                           bool
	phaseCol, sourceCol, weightCol int
	hasPhase, hasSource, hasWeight bool
}

func newServqualLayout(header []string, in *Instrument, opt CSVOptions) (servqualLayout, error) {
	l := servqualLayout{in: in, opt: opt, header: header}
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := col[h]; dup {
			return l, fmt.Errorf("scorecard: CSV header: duplicate column %q: %w", h, ErrInvalidCSV)
		}
		col[h] = i
	}
	k := in.Len()
	l.pcol, l.ecol = make([]int, k), make([]int, k)
	var missingP []string
	eFound := 0
	for i := range k {
		id := in.items[i].ID
		var ok bool
		if l.pcol[i], ok = col[opt.PerceptionPrefix+id]; !ok {
			missingP = append(missingP, opt.PerceptionPrefix+id)
		}
		if l.ecol[i], ok = col[opt.ExpectationPrefix+id]; ok {
			eFound++
		}
	}
	if len(missingP) > 0 {
		return l, fmt.Errorf("scorecard: CSV header: missing perception columns %s%s: %w", strings.Join(missingP, ", "), opt.headerHint(header), ErrInvalidCSV)
	}
	if eFound != 0 && eFound != k {
		return l, fmt.Errorf("scorecard: CSV header: %d of %d expectation columns (%s…): want all or none: %w", eFound, k, opt.ExpectationPrefix, ErrInvalidCSV)
	}
	l.hasE = eFound > 0
	wFound := 0
	for d := range NumDimensions {
		var ok bool
		if l.wcol[d], ok = col[opt.ImportancePrefix+Dimension(d+1).String()]; ok {
			wFound++
		}
	}
	if wFound != 0 && wFound != NumDimensions {
		return l, fmt.Errorf("scorecard: CSV header: %d of 5 importance columns (%s…): want all or none: %w", wFound, opt.ImportancePrefix, ErrInvalidCSV)
	}
	l.hasW = wFound > 0
	l.phaseCol, l.hasPhase = col[opt.PhaseColumn]
	l.sourceCol, l.hasSource = col[opt.SourceColumn]
	l.weightCol, l.hasWeight = col[opt.WeightColumn]
	return l, nil
}

// cellErr names the line and column of a bad cell.
func (l servqualLayout) cellErr(line, c int, err error) error {
	return fmt.Errorf("scorecard: CSV line %d, column %q: %w", line, strings.TrimSpace(l.header[c]), err)
}

// parse reads one record.
func (l servqualLayout) parse(rec []string, line int) (ServqualResponse, error) {
	k := l.in.Len()
	resp := ServqualResponse{Perceptions: make([]Answer, k)}
	if l.hasE {
		resp.Expectations = make([]Answer, k)
	}
	var err error
	for i := range k {
		if resp.Perceptions[i], err = ParseAnswer(rec[l.pcol[i]], l.in.scale); err != nil {
			return resp, l.cellErr(line, l.pcol[i], err)
		}
		if l.hasE {
			if resp.Expectations[i], err = ParseAnswer(rec[l.ecol[i]], l.in.scale); err != nil {
				return resp, l.cellErr(line, l.ecol[i], err)
			}
		}
	}
	if l.hasW {
		if err := l.parseImportance(rec, line, &resp.Importance); err != nil {
			return resp, err
		}
	}
	if cell := strings.TrimSpace(safeCell(rec, l.weightCol, l.hasWeight)); cell != "" {
		w, perr := l.opt.parseNumber(cell)
		if perr != nil || math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return resp, l.cellErr(line, l.weightCol, fmt.Errorf("scorecard: value %q: want a finite weight ≥ 0: %w", cell, ErrInvalidWeights))
		}
		resp.Weight = w
	}
	if l.hasPhase && strings.TrimSpace(rec[l.phaseCol]) != "" {
		if resp.Phase, err = ParsePhase(rec[l.phaseCol]); err != nil {
			return resp, l.cellErr(line, l.phaseCol, err)
		}
	}
	if l.hasSource && strings.TrimSpace(rec[l.sourceCol]) != "" {
		if resp.Source, err = ParseSource(rec[l.sourceCol]); err != nil {
			return resp, l.cellErr(line, l.sourceCol, err)
		}
	}
	return resp, nil
}

// parseImportance reads the five allocation columns (all blank: none).
func (l servqualLayout) parseImportance(rec []string, line int, a *Allocation) error {
	for d, c := range l.wcol {
		cell := strings.TrimSpace(rec[c])
		if cell == "" {
			continue
		}
		w, perr := l.opt.parseNumber(cell)
		if perr != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return l.cellErr(line, c, fmt.Errorf("scorecard: value %q: not a finite number: %w", rec[c], ErrInvalidWeights))
		}
		a[d] = w
	}
	if err := a.Validate(); err != nil {
		return fmt.Errorf("scorecard: CSV line %d: %w", line, err)
	}
	return nil
}

// ReadRatingsCSV reads numeric ratings for [Cronbach] and friends from CSV with
// a header row: columns names the columns to read, in order (nil: every
// column). Blank and not-applicable cells (see [ParseAnswer]) become NaN, the
// missing-answer marker of [CronbachListwise] and [CronbachPairwise]; any
// other cell must be a finite number. Errors name line, column and value and
// wrap [ErrInvalidCSV]. It reads comma-separated files with decimal points;
// [ReadRatingsCSVWith] takes other delimiters and decimal commas.
func ReadRatingsCSV(r io.Reader, columns []string) ([][]float64, error) {
	return ReadRatingsCSVWith(r, columns, CSVOptions{})
}

// ReadRatingsCSVWith is [ReadRatingsCSV] with opt's Comma and DecimalComma
// (the other options name SERVQUAL columns and do not apply).
func ReadRatingsCSVWith(r io.Reader, columns []string, opt CSVOptions) ([][]float64, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	cr := opt.newReader(r)
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
				return nil, fmt.Errorf("scorecard: CSV header: no column %q%s: %w", c, opt.headerHint(header), ErrInvalidCSV)
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
			v, perr := opt.parseNumber(cell)
			if perr != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("scorecard: CSV line %d, column %q: value %q: not a finite number%s: %w", line, names[j], rec[c], decimalHint(cell, opt), ErrInvalidCSV)
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// decimalHint suggests DecimalComma for a cell like "3,5" read without it.
func decimalHint(cell string, opt CSVOptions) string {
	if !opt.DecimalComma && strings.Contains(cell, ",") {
		return " (a decimal comma? set CSVOptions.DecimalComma)"
	}
	return ""
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
