package main

import (
	"strings"
	"testing"
)

func TestCheckRFM(t *testing.T) {
	ours := rfmAnswer{R: "5312", F: "1111", M: "2345", Segment: "ABAB", Segments: []string{"Champions", "Loyal"}}
	tests := []struct {
		name   string
		change func(*rfmAnswer)
		want   string
	}{
		{"equal", func(*rfmAnswer) {}, ""},
		{"one score", func(a *rfmAnswer) { a.M = "2346" }, "M of customer 3 (0-based): ours 5, peer 6"},
		{"segment", func(a *rfmAnswer) { a.Segment = "AAAB" }, "segment of customer 1"},
		{"names", func(a *rfmAnswer) { a.Segments = []string{"Champions"} }, "segments used"},
		{"length", func(a *rfmAnswer) { a.R = "531" }, "R: ours scored 4 customers, peer 3"},
	}
	for _, tt := range tests {
		p := ours
		p.Segments = append([]string(nil), ours.Segments...)
		tt.change(&p)
		err := checkRFM(ours, p)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestFirstDifference(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"abc", "abc", -1}, {"abc", "abd", 2}, {"ab", "abc", 2}, {"", "", -1}} {
		if got := firstDifference(tt.a, tt.b); got != tt.want {
			t.Errorf("firstDifference(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
