package scorecard

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAnswerCells(t *testing.T) {
	tests := []struct {
		cell string
		want Answer
		err  error
	}{
		{"", Answer{}, nil},
		{"  ", Answer{}, nil},
		{"-", NA(), nil},
		{" N/A ", NA(), nil},
		{"no aplica", NA(), nil},
		{"NA", NA(), nil},
		{"1", Rated(1), nil},
		{" 7 ", Rated(7), nil},
		{"0", Answer{}, ErrOutOfRange},
		{"8", Answer{}, ErrOutOfRange},
		{"en blanco", Answer{}, ErrInvalidCSV}, // a state name, but not N/A: not a rating
		{"3.5", Answer{}, ErrInvalidCSV},
	}
	for _, tt := range tests {
		got, err := ParseAnswer(tt.cell, Likert7)
		if tt.err != nil {
			assert.ErrorIs(t, err, tt.err, "%q", tt.cell)
			assert.Contains(t, err.Error(), `value "`+tt.cell+`"`)
			continue
		}
		require.NoError(t, err, "%q", tt.cell)
		assert.Equal(t, tt.want, got, "%q", tt.cell)
	}
}

func TestReadServqualCSVOptionalColumns(t *testing.T) {
	in := smallInstrument(t)
	// Custom prefixes and column names; weight 0 is allowed (it means 1);
	// blank importance cells with every other one blank mean no allocation.
	data := "Exp_a,Exp_b,Exp_c,Per_a,Per_b,Per_c,w,momento,origen,I-tangibles,I-reliability,I-responsiveness,I-assurance,I-empathy\n" +
		"7,6,5,5,6,4,0,antes,buzón,,,,,\n" +
		"6,6,6,6,6,6,2.5,,,0,100,0,0,0\n"
	rs, err := ReadServqualCSV(strings.NewReader(data), in, CSVOptions{
		ExpectationPrefix: "Exp_", PerceptionPrefix: "Per_", WeightColumn: "w",
		PhaseColumn: "momento", SourceColumn: "origen", ImportancePrefix: "I-"})
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, Ratings(7, 6, 5), rs[0].Expectations)
	assert.Equal(t, 0.0, rs[0].Weight)
	assert.Equal(t, Before, rs[0].Phase)
	assert.Equal(t, SuggestionBox, rs[0].Source)
	assert.True(t, rs[0].Importance.IsZero())
	assert.Equal(t, 2.5, rs[1].Weight)
	assert.Equal(t, PhaseUnknown, rs[1].Phase)
	assert.Equal(t, SourceUnknown, rs[1].Source)
	assert.Equal(t, Allocation{0, 100, 0, 0, 0}, rs[1].Importance)

	// Columns the options do not name are ignored, header cells are trimmed.
	rs, err = ReadServqualCSV(strings.NewReader(" Pa , Pb,Pc,comment\n1,2,3,great\n"), in, CSVOptions{})
	require.NoError(t, err)
	assert.Equal(t, Ratings(1, 2, 3), rs[0].Perceptions)
	assert.Nil(t, rs[0].Expectations)
	// A header and no rows: no responses, no error.
	rs, err = ReadServqualCSV(strings.NewReader("Pa,Pb,Pc\n"), in, CSVOptions{})
	require.NoError(t, err)
	assert.Empty(t, rs)
	// nil instrument: the 22-item default.
	var hdr, row []string
	for i := 1; i <= 22; i++ {
		hdr = append(hdr, "P"+strconv.Itoa(i))
		row = append(row, strconv.Itoa(i%7+1))
	}
	rs, err = ReadServqualCSV(strings.NewReader(strings.Join(hdr, ",")+"\n"+strings.Join(row, ",")+"\n"), nil, CSVOptions{})
	require.NoError(t, err)
	require.Len(t, rs[0].Perceptions, 22)
	assert.Equal(t, Rated(7), rs[0].Perceptions[5])
}

func TestReadServqualCSVMoreErrors(t *testing.T) {
	const w = ",W_tangibles,W_reliability,W_responsiveness,W_assurance,W_empathy"
	tests := []struct {
		name, csv string
		want      error
		frags     []string
	}{
		{"two importance columns", "Pa,Pb,Pc,W_tangibles,W_empathy\n1,2,3,50,50\n", ErrInvalidCSV, []string{"2 of 5 importance columns (W_…)"}},
		{"importance not a number", "Pa,Pb,Pc" + w + "\n1,2,3,x,100,0,0,0\n", ErrInvalidWeights, []string{"line 2", `column "W_tangibles"`, `value "x"`}},
		{"importance NaN", "Pa,Pb,Pc" + w + "\n1,2,3,0,NaN,0,0,0\n", ErrInvalidWeights, []string{`column "W_reliability"`}},
		{"importance infinite", "Pa,Pb,Pc" + w + "\n1,2,3,0,0,0,0,Inf\n", ErrInvalidWeights, []string{`column "W_empathy"`}},
		{"weight NaN", "Pa,Pb,Pc,weight\n1,2,3,NaN\n", ErrInvalidWeights, []string{`column "weight"`, `value "NaN"`}},
		{"weight infinite", "Pa,Pb,Pc,weight\n1,2,3,+Inf\n", ErrInvalidWeights, []string{`value "+Inf"`}},
		{"weight text", "Pa,Pb,Pc,weight\n1,2,3,heavy\n", ErrInvalidWeights, []string{`value "heavy"`}},
		{"bad source", "Pa,Pb,Pc,source\n1,2,3,\n1,2,3,telepathy\n", ErrInvalidValue, []string{"line 3", `column "source"`}},
		{"bad expectation", "Ea,Eb,Ec,Pa,Pb,Pc\n1,2,9,1,2,3\n", ErrOutOfRange, []string{`column "Ec"`}},
		{"all perceptions missing", "Ea,Eb,Ec\n1,2,3\n", ErrInvalidCSV, []string{"missing perception columns Pa, Pb, Pc"}},
		{"quote error", "Pa,Pb,Pc\n1,\"2,3\n", ErrInvalidCSV, []string{"line 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadServqualCSV(strings.NewReader(tt.csv), smallInstrument(t), CSVOptions{})
			require.ErrorIs(t, err, tt.want)
			for _, f := range tt.frags {
				assert.Contains(t, err.Error(), f)
			}
			checkErr(t, err)
		})
	}
}

func TestReadRatingsCSVCells(t *testing.T) {
	// Every column when columns is nil; blank, "-", "NA", "N/A" and
	// "no aplica" are missing (NaN).
	rows, err := ReadRatingsCSV(strings.NewReader("a,b,c,d,e\n1,-,NA,N/A,no aplica\n2, ,-1.5,3e0,0\n"), nil)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, 1.0, rows[0][0])
	for j := 1; j < 5; j++ {
		assert.True(t, math.IsNaN(rows[0][j]), "column %d", j)
	}
	assert.True(t, math.IsNaN(rows[1][1]))
	assert.Equal(t, []float64{-1.5, 3, 0}, rows[1][2:])

	// Columns chosen and reordered by name.
	rows, err = ReadRatingsCSV(strings.NewReader("a,b,c\n1,2,3\n"), []string{"c", "a"})
	require.NoError(t, err)
	assert.Equal(t, [][]float64{{3, 1}}, rows)
	rows, err = ReadRatingsCSV(strings.NewReader("a,b,c\n1,2,3\n"), []string{"b"})
	require.NoError(t, err)
	assert.Equal(t, [][]float64{{2}}, rows)

	tests := []struct {
		name, csv string
		frags     []string
	}{
		{"NaN cell", "a,b\n1,2\n3,NaN\n", []string{"line 3", `column "b"`, `value "NaN"`}},
		{"text cell", "a,b\nx,2\n", []string{"line 2", `column "a"`, `value "x"`}},
		{"ragged row", "a,b\n1,2\n3\n", []string{"line 3"}},
		{"no header", "", []string{"header"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRatingsCSV(strings.NewReader(tt.csv), nil)
			require.ErrorIs(t, err, ErrInvalidCSV)
			for _, f := range tt.frags {
				assert.Contains(t, err.Error(), f)
			}
		})
	}
	_, err = ReadRatingsCSV(strings.NewReader("a,b\n1,2\n"), []string{"a", "z"})
	require.ErrorIs(t, err, ErrInvalidCSV)
	assert.Contains(t, err.Error(), `no column "z"`)
}
