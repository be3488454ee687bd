package servicecycle

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadCSV(t *testing.T) {
	src := "caso;actividad;fecha;nota;canal;asesor;ciclo\n" +
		"A-1;welcome;2026-03-02 09:00;5;presencial;ana;\n" +
		"A-1;handling;2026-03-02 09:05;;teléfono;;start\n" +
		"A-1;handling;2026-03-02 09:15;4;teléfono;luis;complete\n" +
		"A-2;welcome;02/03/2026;3;;;\n" + // line 5: bad timestamp
		"A-2;welcome;2026-03-02 10:00;9;;;\n" + // line 6: rating out of range
		"A-2;wait;2026-03-02 10:01;x;;;\n" + // line 7: rating not a number
		"A-2;wait;2026-03-02 10:02;;fax;;\n" + // line 8: unknown channel
		"A-2;farewell\n" + // line 9: too few fields
		" ;farewell;2026-03-02 10:30;;;;\n" + // line 10: blank case
		"A-2;farewell;2026-03-02 10:30;2;;;\n"
	bog, err := time.LoadLocation("America/Bogota")
	if err != nil {
		t.Skip("no zone database")
	}
	cols := CSVColumns{Case: "caso", Moment: "actividad", At: "fecha", Rating: "nota", Channel: "canal",
		Employee: "asesor", Lifecycle: "ciclo", TimeLayout: "2006-01-02 15:04", Location: bog, Comma: ';'}
	got, err := ReadCSV(strings.NewReader(src), cols)
	require.ErrorIs(t, err, ErrInvalidLog)
	for _, want := range []string{"line 5: column \"fecha\": timestamp \"02/03/2026\"", "line 6: ", "rating 9 outside 1–5",
		"line 7: column \"nota\": rating \"x\"", "line 8: column \"canal\"", "line 9: 2 fields, the header has 7",
		"line 10: ", `case id " " is blank`} {
		assert.Contains(t, err.Error(), want)
	}
	var joined interface{ Unwrap() []error }
	require.True(t, errors.As(err, &joined))
	assert.Len(t, joined.Unwrap(), 6, "one error per bad line")
	require.Len(t, got, 4)
	assert.Equal(t, Encounter{Case: "A-1", Moment: "welcome", At: time.Date(2026, 3, 2, 9, 0, 0, 0, bog), Rating: 5,
		Channel: servuction.InPerson, Employee: "ana"}, got[0])
	assert.Equal(t, Start, got[1].Lifecycle)
	assert.Equal(t, Complete, got[2].Lifecycle)
	assert.Equal(t, "A-2", got[3].Case)
}

func TestReadCSVMapping(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("case,activity,time\n"), CSVColumns{Case: "case", Moment: "moment", At: "time", Rating: "score"})
	require.ErrorIs(t, err, ErrInvalidLog)
	assert.Contains(t, err.Error(), `moment column "moment" not in the header`)
	assert.Contains(t, err.Error(), `rating column "score" not in the header`)
	_, err = ReadCSV(strings.NewReader("case,activity,time\n"), CSVColumns{Case: "case", Moment: "activity"})
	assert.Contains(t, err.Error(), "at column not named")
	_, err = ReadCSV(strings.NewReader(""), CSVColumns{Case: "case", Moment: "activity", At: "time"})
	require.ErrorIs(t, err, ErrInvalidLog)
	got, err := ReadCSV(strings.NewReader("\ufeffcase,activity,time\nx,m,2026-03-02T09:00:00Z\n"), CSVColumns{Case: "case", Moment: "activity", At: "time"})
	require.NoError(t, err, "a byte-order mark before the header is ignored")
	assert.Len(t, got, 1)
}

// TestReadJSON reads the same log as JSON lines and as an array, each bad
// encounter reported with the line where it starts.
func TestReadJSON(t *testing.T) {
	lines := "\n" +
		`{"case":"a","moment":"welcome","at":"2026-03-02T09:00:00Z","rating":4}` + "\n" +
		`{"case":"a","moment":"handling","at":"2026-03-02T09:05:00Z","ratng":3}` + "\n" + // line 3
		"\n" +
		`{"case":"a","moment":"farewell","at":"2026-03-02T09:10:00Z","rating":5}` + "\n" +
		`{"case":"b","moment":"welcome"` + "\n" + // line 6: broken
		`{"case":"b","moment":"welcome","at":"2026-03-02T09:20:00Z","lifecycle":"inicio"}` + "\n"
	got, err := ReadJSON(strings.NewReader(lines))
	require.ErrorIs(t, err, ErrInvalidLog)
	assert.Contains(t, err.Error(), `line 3: servicecycle: encounter JSON: json: unknown field "ratng"`)
	assert.Contains(t, err.Error(), "line 6: ")
	assert.NotContains(t, err.Error(), "line 2:")
	require.Len(t, got, 3)
	assert.Equal(t, Start, got[2].Lifecycle)

	array := "[\n" +
		`  {"case":"a","moment":"welcome","at":"2026-03-02T09:00:00Z","rating":4},` + "\n" +
		`  {"case":"a","moment":"handling",` + "\n" + `   "at":"2026-03-02T09:05:00Z","rating":7},` + "\n" + // line 3
		`  {"case":"a","moment":"farewell","at":"2026-03-02T09:10:00Z","rating":5}` + "\n]\n"
	got, err = ReadJSON(strings.NewReader(array))
	require.ErrorIs(t, err, ErrInvalidLog)
	assert.Contains(t, err.Error(), "line 3: ")
	assert.Contains(t, err.Error(), "rating 7 outside 1–5")
	assert.Len(t, got, 2)

	_, err = ReadJSON(strings.NewReader("[\n{\"case\":\"a\",\n\"moment\" 1}]"))
	require.ErrorIs(t, err, ErrInvalidLog)
	assert.Contains(t, err.Error(), "line 3: ")
	got, err = ReadJSON(strings.NewReader("  \n\t"))
	require.NoError(t, err)
	assert.Empty(t, got)
}
