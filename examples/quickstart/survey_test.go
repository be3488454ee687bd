package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/scorecard"
)

// TestSurveyAlphaListwise is issue 14's defect 5: blank answers in a survey
// file reached alpha as zeros although the comment said listwise. Alpha of
// the perceptions must be the listwise alpha of the file's answers, blanks
// left out, and say how many complete rows it rests on.
func TestSurveyAlphaListwise(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 22; i++ {
		fmt.Fprintf(&b, "E%d,", i)
	}
	for i := 1; i <= 22; i++ {
		fmt.Fprintf(&b, "P%d", i)
		if i < 22 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('\n')
	var rows [][]float64
	for r, s := range simulateSurveys(240) {
		for _, v := range s.Expect {
			fmt.Fprintf(&b, "%d,", v)
		}
		row := make([]float64, 22)
		for j, v := range s.Perceive {
			row[j] = float64(v)
			if (r*7+j)%211 == 0 { // 8 blanks over the file
				row[j] = math.NaN()
				b.WriteString("")
			} else {
				fmt.Fprintf(&b, "%d", v)
			}
			if j < 21 {
				b.WriteByte(',')
			}
		}
		b.WriteByte('\n')
		rows = append(rows, row)
	}
	path := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := scorecard.CronbachListwise(rows)
	if err != nil {
		t.Fatal(err)
	}
	if want.N == len(rows) {
		t.Fatal("the test file has no blank perception")
	}
	o := options{survey: path, lang: report.English}
	in, err := load(o)
	if err != nil {
		t.Fatal(err)
	}
	sec, _, err := surveyPart(o, in)
	if err != nil {
		t.Fatal(err)
	}
	figs := sec.Blocks[0].(report.Figures)
	var got *report.Figure
	for i := range figs {
		if strings.Contains(figs[i].Label, "alpha") {
			got = &figs[i]
		}
	}
	if got == nil {
		t.Fatal("no alpha figure")
	}
	if wantV := report.English.Number(want.Alpha, 2); got.Value != wantV {
		t.Errorf("alpha %s, want the listwise %s (%d complete rows of %d)", got.Value, wantV, want.N, want.Rows)
	}
	if !strings.Contains(got.Note, fmt.Sprint(want.N)) {
		t.Errorf("alpha note %q does not give the %d complete rows", got.Note, want.N)
	}
}
