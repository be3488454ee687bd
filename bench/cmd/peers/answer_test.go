package main

import (
	"math"
	"strings"
	"testing"
)

func TestToleranceClose(t *testing.T) {
	tests := []struct {
		tol  tolerance
		a, b float64
		want bool
	}{
		{tolerance{}, 1, 1, true},
		{tolerance{}, 1, math.Nextafter(1, 2), false},
		{tolerance{abs: 1}, 100, 101, true},
		{tolerance{abs: 1}, 100, 101.001, false},
		{tolerance{rel: 1e-12}, 1e6, 1e6 + 1e-7, true},
		{tolerance{rel: 1e-12}, 1e6, 1e6 + 1e-5, false},
		{tolerance{abs: 1, rel: 1e-12}, 0, 0.9, true},
		{tolerance{abs: 1}, math.NaN(), math.NaN(), true},
		{tolerance{abs: 1}, math.NaN(), 0, false},
		{tolerance{abs: 1}, math.Inf(1), math.Inf(1), true},
	}
	for _, tt := range tests {
		if got := tt.tol.close(tt.a, tt.b); got != tt.want {
			t.Errorf("%+v.close(%v, %v) = %v, want %v", tt.tol, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSameAnswer(t *testing.T) {
	base := func() journeyAnswer {
		var a journeyAnswer
		a.Moments = []momentAnswer{{ID: "m0", Encounters: 10, Rated: 8, MeanRating: 3.25}}
		a.Edges = []edgeAnswer{{From: "m0", To: "m1", Count: 9, Mean: 1e12}}
		a.Throughput.N, a.Throughput.Mean = 4, 5e12
		return a
	}
	tol := tolerance{abs: 1, rel: 1e-12}
	tests := []struct {
		name   string
		change func(*journeyAnswer)
		want   string // "" for agreement, else a part of the error
	}{
		{"equal", func(*journeyAnswer) {}, ""},
		// 1 ns + 1e-12 of 1e12 ns: 2 ns allowed.
		{"within tolerance", func(a *journeyAnswer) { a.Edges[0].Mean += 2 }, ""},
		{"float outside", func(a *journeyAnswer) { a.Edges[0].Mean += 3 }, "answer.edges[0].mean"},
		{"count", func(a *journeyAnswer) { a.Moments[0].Rated = 7 }, "answer.moments[0].rated: ours 8, peer 7"},
		{"string", func(a *journeyAnswer) { a.Edges[0].To = "m2" }, "answer.edges[0].to"},
		{"length", func(a *journeyAnswer) { a.Edges = nil }, "answer.edges: ours has 1 elements, peer 0"},
		{"nested struct", func(a *journeyAnswer) { a.Throughput.N = 5 }, "answer.throughput.n"},
	}
	for _, tt := range tests {
		p := base()
		tt.change(&p)
		err := sameAnswer(base(), p, tol)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if err := sameAnswer(1, int64(1), tolerance{}); err == nil {
		t.Error("answers of different types compared equal")
	}
}

func TestDecodeStrict(t *testing.T) {
	var a numpyAlphaAnswer
	if err := decodeStrict([]byte(`{"alpha": 0.5}`), &a); err != nil || a.Alpha != 0.5 {
		t.Errorf("decodeStrict: %v, %+v", err, a)
	}
	for _, bad := range []string{`{"alpha": 0.5, "beta": 1}`, `{"alpha": 0.5} {}`, `{"alpha": "x"}`, ``} {
		if err := decodeStrict([]byte(bad), &a); err == nil {
			t.Errorf("decodeStrict(%q) accepted", bad)
		}
	}
}
