package main

import (
	"math"
	"slices"
	"testing"
)

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{7}, 7},
		{[]float64{5, 5, 1, 9, 5}, 5},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.in)
		if got := median(in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
		if !slices.Equal(in, tt.in) {
			t.Errorf("median reordered its input: %v, was %v", in, tt.in)
		}
	}
	if got := median(nil); !math.IsNaN(got) {
		t.Errorf("median(nil) = %v, want NaN", got)
	}
}

func TestFormatSeconds(t *testing.T) {
	tests := []struct {
		s    float64
		want string
	}{
		{61.24e-9, "61.2 ns"},
		{0.5e-9, "0.5 ns"},
		{999e-9, "999 ns"},
		{1e-6, "1.00 µs"},
		{9.2e-3, "9.20 ms"},
		{0.123456, "123 ms"},
		{1.234, "1.23 s"},
		{12345, "12 345 s"},
		{math.NaN(), "–"},
		{-1, "–"},
	}
	for _, tt := range tests {
		if got := formatSeconds(tt.s); got != tt.want {
			t.Errorf("formatSeconds(%v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestFormatRatioAndVerdict(t *testing.T) {
	tests := []struct {
		peer, ours float64
		floor      bool
		ratio      string
		verdict    string
	}{
		{205890e-9, 1e-9, false, "205 890×", "205 890× faster"},
		{2, 1, false, "2.00×", "2.00× faster"},
		{1, 2, false, "0.5×", "2.00× slower"},
		{1, 2, true, "0.5×", "2.00× the floor's time"},
		{1.5, 1, true, "1.50×", "0.667× the floor's time"},
		{0, 1, false, "–", "–"},
		{1, math.NaN(), false, "–", "–"},
	}
	for _, tt := range tests {
		if got := formatRatio(tt.peer, tt.ours); got != tt.ratio {
			t.Errorf("formatRatio(%v, %v) = %q, want %q", tt.peer, tt.ours, got, tt.ratio)
		}
		if got := verdict(tt.peer, tt.ours, tt.floor); got != tt.verdict {
			t.Errorf("verdict(%v, %v, %v) = %q, want %q", tt.peer, tt.ours, tt.floor, got, tt.verdict)
		}
	}
}

func TestMarkdownTable(t *testing.T) {
	got := markdownTable([]string{"a", "b"}, [][]string{{"x | y", "`echo run | cat`"}, {"two\nlines", ""}})
	want := "| a | b |\n" +
		"|---|---|\n" +
		"| x \\| y | `echo run \\| cat` |\n" +
		"| two lines |  |\n"
	if got != want {
		t.Errorf("markdownTable:\n%s\nwant:\n%s", got, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{100: "100", 1000: "1000", 10_000: "10 000", 100_000: "100 000", 1_000_000: "1 000 000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
