package scorecard

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const smallCSV = `id,Ea,Eb,Ec,Pa,Pb,Pc,phase,source,W_tangibles,W_reliability,W_responsiveness,W_assurance,W_empathy
r1,7,6,5,5,6,4,durante,encuesta,40,60,0,0,0
r2,6,N/A,7,6,5,3,after,,20,80,0,0,0
`

func TestReadServqualCSV(t *testing.T) {
	in := smallInstrument(t)
	rs, err := ReadServqualCSV(strings.NewReader(smallCSV), in, CSVOptions{})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, Ratings(7, 6, 5), rs[0].Expectations)
	assert.Equal(t, During, rs[0].Phase)
	assert.Equal(t, SurveySource, rs[0].Source)
	assert.Equal(t, NA(), rs[1].Expectations[1])
	assert.Equal(t, Allocation{20, 80, 0, 0, 0}, rs[1].Importance)
	// Scoring the file gives the hand-worked numbers of TestServqualByHand.
	s := NewServqual(in)
	for _, r := range rs {
		require.NoError(t, s.Add(r))
	}
	assert.InDelta(t, -2.1, s.Result().WeightedGap, 1e-12)
}

func TestReadServqualCSVServperf(t *testing.T) {
	rs, err := ReadServqualCSV(strings.NewReader("Pa,Pb,Pc\n1,,NA\n"), smallInstrument(t), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Nil(t, rs[0].Expectations)
	assert.Equal(t, []Answer{Rated(1), {}, NA()}, rs[0].Perceptions)
}

func TestReadServqualCSVErrors(t *testing.T) {
	tests := []struct {
		name, csv string
		want      error
		frags     []string
	}{
		{"bad cell", "Pa,Pb,Pc\n1,2,3\n1,x,3\n", ErrInvalidCSV, []string{"line 3", `column "Pb"`, `value "x"`}},
		{"out of scale", "Pa,Pb,Pc\n1,2,9\n", ErrOutOfRange, []string{"line 2", `column "Pc"`, `"9"`}},
		{"missing column", "Pa,Pb\n1,2\n", ErrInvalidCSV, []string{"Pc"}},
		{"some expectations", "Ea,Pa,Pb,Pc\n1,1,2,3\n", ErrInvalidCSV, []string{"1 of 3 expectation"}},
		{"ragged row", "Pa,Pb,Pc\n1,2,3\n1,2\n", ErrInvalidCSV, []string{"line 3"}},
		{"duplicate column", "Pa,Pa,Pb,Pc\n1,1,2,3\n", ErrInvalidCSV, []string{"duplicate column"}},
		{"bad phase", "Pa,Pb,Pc,phase\n1,2,3,mañana\n", ErrInvalidValue, []string{`column "phase"`}},
		{"weights not 100", "Pa,Pb,Pc,W_tangibles,W_reliability,W_responsiveness,W_assurance,W_empathy\n1,2,3,10,10,10,10,10\n", ErrInvalidWeights, []string{"line 2", "sums to 50"}},
		{"empty", "", ErrInvalidCSV, []string{"header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadServqualCSV(strings.NewReader(tt.csv), smallInstrument(t), CSVOptions{})
			require.ErrorIs(t, err, tt.want)
			for _, f := range tt.frags {
				assert.Contains(t, err.Error(), f)
			}
		})
	}
}

func TestReadRatingsCSV(t *testing.T) {
	rows, err := ReadRatingsCSV(strings.NewReader("id,Q1,Q2\n1,3,\n2,4,no aplica\n3,5,2.5\n"), []string{"Q1", "Q2"})
	require.NoError(t, err)
	require.Len(t, rows, 3)
	assert.Equal(t, 3.0, rows[0][0])
	assert.True(t, math.IsNaN(rows[0][1]))
	assert.True(t, math.IsNaN(rows[1][1]))
	assert.Equal(t, 2.5, rows[2][1])
	_, err = ReadRatingsCSV(strings.NewReader("Q1\nInf\n"), nil)
	assert.ErrorIs(t, err, ErrInvalidCSV)
	_, err = ReadRatingsCSV(strings.NewReader("Q1\n1\n"), []string{"Q9"})
	assert.ErrorIs(t, err, ErrInvalidCSV)
}

// FuzzReadServqualCSV: any input either loads responses that the accumulator
// accepts, or fails with an error wrapping a package sentinel.
func FuzzReadServqualCSV(f *testing.F) {
	f.Add(smallCSV)
	f.Add("Pa,Pb,Pc\n1,,NA\n")
	f.Add("Pa,Pb,Pc\n1,x,3\n")
	f.Add("Ea,Eb,Ec,Pa,Pb,Pc\n\"1\n\",2,3,4,5,6\n")
	in, err := NewInstrument("fuzz", Likert7, []Item{{ID: "a", Dimension: DimTangibles}, {ID: "b", Dimension: DimEmpathy}, {ID: "c", Dimension: DimEmpathy, Reverse: true}})
	if err != nil {
		f.Fatal(err)
	}
	sentinels := []error{ErrInvalidCSV, ErrOutOfRange, ErrInvalidWeights, ErrInvalidValue}
	f.Fuzz(func(t *testing.T, data string) {
		rs, err := ReadServqualCSV(strings.NewReader(data), in, CSVOptions{})
		if err != nil {
			if !isAny(err, sentinels) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if !strings.HasPrefix(err.Error(), "scorecard: ") {
				t.Fatalf("error without package prefix: %v", err)
			}
			return
		}
		s := NewServqual(in)
		for i, r := range rs {
			if err := s.Add(r); err != nil {
				t.Fatalf("response %d loaded but rejected: %v", i, err)
			}
		}
		if got := s.Result().Respondents; got != len(rs) {
			t.Fatalf("%d respondents, loaded %d", got, len(rs))
		}
	})
}

// FuzzReadRatingsCSV: loaded rows are rectangular and finite or NaN.
func FuzzReadRatingsCSV(f *testing.F) {
	f.Add("Q1,Q2\n1,2\n,3\n")
	f.Add("Q1\nNaN\n")
	f.Fuzz(func(t *testing.T, data string) {
		rows, err := ReadRatingsCSV(strings.NewReader(data), nil)
		if err != nil {
			if !errors.Is(err, ErrInvalidCSV) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		for _, r := range rows {
			if len(r) != len(rows[0]) {
				t.Fatalf("ragged rows loaded")
			}
			for _, v := range r {
				if math.IsInf(v, 0) {
					t.Fatalf("infinite value loaded")
				}
			}
		}
	})
}

func isAny(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

func TestReadCSVWithByteOrderMark(t *testing.T) {
	rows, err := ReadRatingsCSV(strings.NewReader("\ufeffQ1,Q2\n1,2\n"), []string{"Q1"})
	require.NoError(t, err)
	assert.Equal(t, [][]float64{{1}}, rows)
	rs, err := ReadServqualCSV(strings.NewReader("\ufeffPa,Pb,Pc\n1,2,3\n"), smallInstrument(t), CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, Ratings(1, 2, 3), rs[0].Perceptions)
}

// A file as a spreadsheet set to Spanish saves it: semicolons between
// fields, decimal commas in the weight and importance columns.
const spanishCSV = `id;Ea;Eb;Ec;Pa;Pb;Pc;fase;fuente;peso;W_tangibles;W_reliability;W_responsiveness;W_assurance;W_empathy
r1;7;6;5;5;6;4;durante;encuesta;1,5;40;60;0;0;0
r2;6;no aplica;7;6;5;3;después;;0,5;12,5;87,5;0;0;0
`

func TestReadCSVSpanishSpreadsheet(t *testing.T) {
	in := smallInstrument(t)
	opt := CSVOptions{Comma: ';', DecimalComma: true, PhaseColumn: "fase", SourceColumn: "fuente", WeightColumn: "peso"}
	rs, err := ReadServqualCSV(strings.NewReader(spanishCSV), in, opt)
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, 1.5, rs[0].Weight)
	assert.Equal(t, 0.5, rs[1].Weight)
	assert.Equal(t, Allocation{12.5, 87.5, 0, 0, 0}, rs[1].Importance)
	assert.Equal(t, NA(), rs[1].Expectations[1])
	assert.Equal(t, After, rs[1].Phase)

	// Read with the default comma, the whole header is one column: the
	// error says why and what to set.
	_, err = ReadServqualCSV(strings.NewReader(spanishCSV), in, CSVOptions{})
	assert.ErrorIs(t, err, ErrInvalidCSV)
	assert.Contains(t, err.Error(), "semicolon-separated")
	assert.Contains(t, err.Error(), "CSVOptions.Comma")
	_, err = ReadRatingsCSV(strings.NewReader("Q1;Q2\n3,5;4\n"), []string{"Q1"})
	assert.ErrorIs(t, err, ErrInvalidCSV)
	assert.Contains(t, err.Error(), "semicolon-separated")

	// Ratings with decimal commas and a thousands point.
	rows, err := ReadRatingsCSVWith(strings.NewReader("Q1;Q2\n3,5;1.234,25\n;4\n"), nil, CSVOptions{Comma: ';', DecimalComma: true})
	require.NoError(t, err)
	assert.Equal(t, []float64{3.5, 1234.25}, rows[0])
	assert.True(t, math.IsNaN(rows[1][0]))
	// A quoted decimal comma read without DecimalComma gets a hint.
	_, err = ReadRatingsCSV(strings.NewReader("Q1,Q2\n\"3,5\",4\n"), nil)
	assert.ErrorIs(t, err, ErrInvalidCSV)
	assert.Contains(t, err.Error(), "DecimalComma")

	for _, bad := range []CSVOptions{{Comma: '"'}, {Comma: '\n'}, {DecimalComma: true}, {Comma: ',', DecimalComma: true}} {
		_, err := ReadRatingsCSVWith(strings.NewReader("Q1\n1\n"), nil, bad)
		assert.ErrorIs(t, err, ErrInvalidCSV, "%+v", bad)
		_, err = ReadServqualCSV(strings.NewReader(spanishCSV), in, bad)
		assert.ErrorIs(t, err, ErrInvalidCSV, "%+v", bad)
	}
}

// FuzzReadRatingsCSVWith: with semicolons and decimal commas, loaded rows
// are rectangular and finite or NaN, and errors wrap ErrInvalidCSV.
func FuzzReadRatingsCSVWith(f *testing.F) {
	f.Add("Q1;Q2\n1,5;2\n;3\n", true)
	f.Add("Q1;Q2\n1.234,5;N/A\n", false)
	f.Fuzz(func(t *testing.T, data string, decimal bool) {
		rows, err := ReadRatingsCSVWith(strings.NewReader(data), nil, CSVOptions{Comma: ';', DecimalComma: decimal})
		if err != nil {
			if !errors.Is(err, ErrInvalidCSV) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		for _, r := range rows {
			if len(r) != len(rows[0]) {
				t.Fatalf("ragged rows loaded")
			}
			for _, v := range r {
				if math.IsInf(v, 0) {
					t.Fatalf("infinite value loaded")
				}
			}
		}
	})
}
