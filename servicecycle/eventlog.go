package servicecycle

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction"
)

// CSVColumns maps the columns of an event log in CSV, named by its header
// line, to the fields of an [Encounter], as process-mining tools map a case
// id, an activity and a timestamp column.
type CSVColumns struct {
	// Case, Moment (the activity) and At (the timestamp) are required.
	Case, Moment, At string
	// Optional columns: Rating (1–5, empty for none), Channel (a channel
	// name, English or Spanish), Employee, Duration (text: "90s", "12m",
	// "1d") and Lifecycle ("start", "complete", …; empty for a whole visit).
	Rating, Channel, Employee, Duration, Lifecycle string
	// TimeLayout is the layout of the timestamps (time.Parse); default
	// RFC 3339. Location is the zone of timestamps written without one;
	// default UTC.
	TimeLayout string
	Location   *time.Location
	// Comma separates the fields; default ','.
	Comma rune
}

// csvIndex is the position of each mapped column, -1 when not mapped.
type csvIndex struct{ caseID, moment, at, rating, channel, employee, duration, lifecycle int }

func (m CSVColumns) index(header []string) (csvIndex, error) {
	var errs []error
	find := func(field, name string, required bool) int {
		if name == "" {
			if required {
				errs = append(errs, fmt.Errorf("servicecycle: CSV columns: %s column not named: %w", field, ErrInvalidLog))
			}
			return -1
		}
		for i, h := range header {
			if strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")) == name {
				return i
			}
		}
		errs = append(errs, fmt.Errorf("servicecycle: CSV columns: %s column %q not in the header %q: %w", field, name, header, ErrInvalidLog))
		return -1
	}
	ix := csvIndex{caseID: find("case", m.Case, true), moment: find("moment", m.Moment, true), at: find("at", m.At, true),
		rating: find("rating", m.Rating, false), channel: find("channel", m.Channel, false),
		employee: find("employee", m.Employee, false), duration: find("duration", m.Duration, false),
		lifecycle: find("lifecycle", m.Lifecycle, false)}
	return ix, errors.Join(errs...)
}

// ReadCSV reads an event log in CSV whose first line is a header, with the
// column mapping cols. It returns the valid encounters in file order and
// reports every bad line (errors.Join, one line of text per bad line), each
// error naming the line number and the column and wrapping [ErrInvalidLog];
// a bad mapping or header returns no encounter.
func ReadCSV(r io.Reader, cols CSVColumns) ([]Encounter, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	if cols.Comma != 0 {
		cr.Comma = cols.Comma
	}
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("servicecycle: CSV header: %w: %w", err, ErrInvalidLog)
	}
	ix, err := cols.index(header)
	if err != nil {
		return nil, err
	}
	width := len(header)
	var out []Encounter
	var errs []error
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil { // a syntax error, with no record (FieldPos would panic)
			line := 0
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				line = pe.Line
			}
			errs = append(errs, newLineError(line, err))
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != width {
			errs = append(errs, newLineError(line, fmt.Errorf("%d fields, the header has %d", len(rec), width)))
			continue
		}
		e, err := cols.encounter(rec, ix)
		if err == nil {
			err = e.Validate()
		}
		if err != nil {
			errs = append(errs, newLineError(line, err))
			continue
		}
		out = append(out, e)
	}
	return out, errors.Join(errs...)
}

// encounter reads one record.
func (m CSVColumns) encounter(rec []string, ix csvIndex) (Encounter, error) {
	e := Encounter{Case: rec[ix.caseID], Moment: rec[ix.moment]}
	layout, loc := m.TimeLayout, m.Location
	if layout == "" {
		layout = time.RFC3339Nano
	}
	if loc == nil {
		loc = time.UTC
	}
	at, err := time.ParseInLocation(layout, strings.TrimSpace(rec[ix.at]), loc)
	if err != nil {
		return e, fmt.Errorf("column %q: timestamp %q: %w", m.At, rec[ix.at], ErrInvalidValue)
	}
	e.At = at
	field := func(i int) string {
		if i < 0 {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	if s := field(ix.rating); s != "" {
		if e.Rating, err = strconv.Atoi(s); err != nil {
			return e, fmt.Errorf("column %q: rating %q not a whole number: %w", m.Rating, s, ErrInvalidValue)
		}
	}
	if s := field(ix.channel); s != "" {
		if e.Channel, err = servuction.ParseChannel(s); err != nil {
			return e, fmt.Errorf("column %q: %w", m.Channel, err)
		}
	}
	e.Employee = field(ix.employee)
	if s := field(ix.duration); s != "" {
		if e.Duration, err = parseDuration("duration", s); err != nil {
			return e, fmt.Errorf("column %q: %w", m.Duration, err)
		}
	}
	if s := field(ix.lifecycle); s != "" {
		if e.Lifecycle, err = ParseLifecycle(s); err != nil {
			return e, fmt.Errorf("column %q: %w", m.Lifecycle, err)
		}
	}
	return e, nil
}

// maxJSONLine is the longest line ReadJSON reads in JSON lines.
const maxJSONLine = 1 << 20

// ReadJSON reads encounters written in JSON (see [Encounter] for the keys):
// a JSON array, or JSON lines (one object per line; blank lines are
// skipped). It returns the valid encounters in file order and reports every
// bad encounter (errors.Join, one line of text each), each error naming the
// line where it starts and wrapping [ErrInvalidLog]. A syntax error that
// breaks an array stops the reading there.
func ReadJSON(r io.Reader) ([]Encounter, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	lines := 0 // line breaks before the first value
	for {
		b, err := br.ReadByte()
		if err != nil {
			return nil, nil // only white space: no encounter
		}
		switch b {
		case '\n':
			lines++
			continue
		case ' ', '\t', '\r':
			continue
		}
		_ = br.UnreadByte()
		if b == '[' {
			return readJSONArray(br, lines)
		}
		return readJSONLines(br, lines)
	}
}

// readJSONLines reads one encounter per line; skipped counts the line
// breaks read before.
func readJSONLines(r io.Reader, skipped int) ([]Encounter, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxJSONLine)
	var out []Encounter
	var errs []error
	line := skipped
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		var e Encounter
		if err := e.UnmarshalJSON(text); err != nil {
			errs = append(errs, newLineError(line, err))
			continue
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, newLineError(line+1, fmt.Errorf("%w (a line may hold at most %d bytes)", err, maxJSONLine)))
	}
	return out, errors.Join(errs...)
}

// readJSONArray reads an array of encounters, reporting each bad element
// with the line where it starts; skipped counts the line breaks read before.
func readJSONArray(r io.Reader, skipped int) ([]Encounter, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, newLineError(skipped+1, err)
	}
	lineAt := func(off int64) int {
		return 1 + skipped + bytes.Count(data[:min(max(off, 0), int64(len(data)))], []byte{'\n'})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []Encounter
	var errs []error
	fail := func(err error) ([]Encounter, error) {
		off := dec.InputOffset()
		if se := (*json.SyntaxError)(nil); errors.As(err, &se) {
			off = se.Offset
		}
		errs = append(errs, newLineError(lineAt(off), err))
		return out, errors.Join(errs...)
	}
	if _, err := dec.Token(); err != nil { // the '['
		return fail(err)
	}
	for dec.More() {
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fail(err)
		}
		// The element starts after the separator and white space.
		off := start + int64(len(data[start:])-len(bytes.TrimLeft(data[start:], " \t\r\n,")))
		var e Encounter
		if err := e.UnmarshalJSON(raw); err != nil {
			errs = append(errs, newLineError(lineAt(off), err))
			continue
		}
		out = append(out, e)
	}
	if _, err := dec.Token(); err != nil { // the ']'
		return fail(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fail(errors.New("unexpected data after the array"))
	}
	return out, errors.Join(errs...)
}

// lineError is the error of one bad line of a log: on one line of text
// (several problems separated by "; "), wrapping err and [ErrInvalidLog].
type lineError struct {
	line int
	err  error
}

func newLineError(line int, err error) error { return lineError{line: line, err: err} }

// Error names the line and the problems, on one line of text.
func (e lineError) Error() string {
	return "servicecycle: line " + strconv.Itoa(e.line) + ": " + strings.ReplaceAll(e.err.Error(), "\n", "; ") + ": " + ErrInvalidLog.Error()
}

// Unwrap returns the line's error and ErrInvalidLog, for errors.Is.
func (e lineError) Unwrap() []error { return []error{e.err, ErrInvalidLog} }
