package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/servuction/servuction/servicecycle"
)

// TestReadLogReportsBadLines: issue 18 found that bad log lines were
// swallowed (a shadowed err); each must be reported with its line number
// and left out, the good ones analysed.
func TestReadLogReportsBadLines(t *testing.T) {
	cycle, err := branchCycle()
	if err != nil {
		t.Fatal(err)
	}
	log := strings.Join([]string{
		`{"case":"X1","moment":"acogida","at":"2026-03-02T10:00:00-05:00","rating":4}`,
		`{"case":"X1","moment":"espera","at":"2026-03-02T10:02:00-05:00","ratng":3}`, // misspelt key
		`{"case":"X1","moment":"ventanilla","at":"2026-03-02T10:10:00-05:00","rating":9}`,
		`not json`,
		`{"case":"X1","moment":"despedida","at":"2026-03-02T10:20:00-05:00","rating":5}`,
	}, "\n")
	var report bytes.Buffer
	good := readLog([]byte(log), &report)
	a := servicecycle.NewAnalyzer(cycle)
	for _, e := range good {
		if err := a.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	for _, want := range []string{"line 2", `unknown field "ratng"`, "line 3", "rating 9 outside 1–5", "line 4"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, report.String())
		}
	}
	if strings.Contains(report.String(), "line 1:") || strings.Contains(report.String(), "line 5:") {
		t.Errorf("good lines reported:\n%s", report.String())
	}
	if a.Len() != 2 {
		t.Errorf("analyzed %d encounters, want the 2 good ones", a.Len())
	}
}
