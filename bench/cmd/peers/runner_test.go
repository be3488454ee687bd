package main

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// fakeRow is a row whose sides record the order they run in and answer
// what answers says for each round.
func fakeRow(name string, calls *[]string, answers func(round int) (ours, peer int), peerErrAt int) *row {
	round := 0
	return &row{op: name, peerName: "fake peer",
		ours: func(context.Context) (float64, any, error) {
			round++
			*calls = append(*calls, name+" ours")
			o, _ := answers(round)
			return float64(round), o, nil
		},
		peer: func(context.Context) (float64, any, error) {
			*calls = append(*calls, name+" peer")
			if round == peerErrAt {
				return 0, nil, errors.New("peer crashed")
			}
			_, p := answers(round)
			return 10 * float64(round), p, nil
		},
		check:     func(o, p any) error { return sameAnswer(o, p, tolerance{}) },
		tolerance: "exact",
	}
}

func TestMeasureAlternatesAndChecksEveryRound(t *testing.T) {
	var calls []string
	same := func(int) (int, int) { return 1, 1 }
	differsInRound2 := func(r int) (int, int) {
		if r == 2 {
			return 1, 2
		}
		return 1, 1
	}
	rows := []*row{
		fakeRow("a", &calls, same, -1),
		fakeRow("b", &calls, differsInRound2, -1),
		fakeRow("c", &calls, same, 2),
	}
	res := measure(context.Background(), rows, 3, io.Discard)

	want := []string{
		"a ours", "a peer", "b ours", "b peer", "c ours", "c peer",
		"a ours", "a peer", "b ours", "b peer", "c ours", "c peer", // c's peer fails in round 2
		"a ours", "a peer", "b ours", "b peer",
	}
	if !slices.Equal(calls, want) {
		t.Errorf("calls:\n%q\nwant:\n%q", calls, want)
	}
	if a := res[0]; a.mismatch != "" || a.err != nil || !slices.Equal(a.oursTimes, []float64{1, 2, 3}) || !slices.Equal(a.peerTimes, []float64{10, 20, 30}) {
		t.Errorf("row a: %+v", a)
	}
	if b := res[1]; !strings.HasPrefix(b.mismatch, "round 2: ") || b.err != nil {
		t.Errorf("row b: mismatch %q, err %v; want a mismatch in round 2", b.mismatch, b.err)
	}
	if c := res[2]; c.err == nil || !strings.Contains(c.err.Error(), "peer crashed") {
		t.Errorf("row c: err %v, want the peer's error", c.err)
	}

	rep := report{results: res, cfg: &config{rounds: 3}}
	err := rep.failure()
	if !errors.Is(err, errMismatch) || !strings.Contains(err.Error(), "peer crashed") {
		t.Errorf("failure() = %v, want the mismatch of b and the error of c", err)
	}
	table := rep.table()
	for _, s := range []string{"| a () | 2.00 s | fake peer | 20.0 s | 10.0× | 3 | yes: exact |", "**NO**: round 2",
		"| c () | – | fake peer | – | – | – | not measured: fake peer: peer crashed |"} {
		if !strings.Contains(table, s) {
			t.Errorf("table lacks %q:\n%s", s, table)
		}
	}
	// The README table keeps only the rows whose answers agreed.
	if readme := rep.readme(); !strings.Contains(readme, "| a |") || strings.Contains(readme, "| b |") || strings.Contains(readme, "| c |") {
		t.Errorf("readme table:\n%s", readme)
	}
}

func TestReportMarkdown(t *testing.T) {
	r := &result{row: &row{op: "op", unit: "per call", peerName: "peer", tolerance: "exact", oursCmd: "`ours()`", peerCmd: "`peer`", group: "g"},
		oursTimes: []float64{1e-3, 2e-3, 3e-3}, peerTimes: []float64{4e-3, 5e-3, 6e-3}}
	rep := report{results: []*result{r}, skipped: []string{"x skipped: not found"},
		cfg:     &config{rounds: 3, scale: 1, data: "/tmp/d", argv: []string{"-o", "RESULTS.md"}},
		machine: machine{cpu: "CPU", cores: 2, loadBefore: "1 2 3", loadAfter: "4 5 6", versions: [][2]string{{"Go", "go1.x"}}}}
	md := rep.markdown()
	for _, s := range []string{
		"`go run ./cmd/peers -o RESULTS.md`",
		"**Measured on a loaded shared machine**",
		"- Load average (1, 5, 15 min): 1 2 3 before the run, 4 5 6 after",
		"- Go: go1.x",
		"| op (per call) | 2.00 ms | peer | 5.00 ms | 2.50× | 3 | yes: exact | ours: `ours()`; peer: `peer` |",
		"- x skipped: not found",
		"| op | peer | 2.50× faster | `cd bench && go run ./cmd/peers -only g` |",
	} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown lacks %q:\n%s", s, md)
		}
	}
}
