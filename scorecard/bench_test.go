package scorecard

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

func BenchmarkServqualAdd(b *testing.B) {
	s := NewServqual(nil)
	e, p := make([]Answer, 22), make([]Answer, 22)
	for i := range e {
		e[i], p[i] = Rated(7-i%3), Rated(4+i%4)
	}
	r := ServqualResponse{Expectations: e, Perceptions: p, Importance: Allocation{10, 30, 20, 20, 20}, Phase: During}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Add(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNPSAdd(b *testing.B) {
	var n NPS
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := n.Add(i % 11); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNPSAddRandom adds scores drawn at random (fixed seed), so the
// branch predictor cannot learn the sequence as it does with i % 11.
func BenchmarkNPSAddRandom(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	scores := make([]int, 1<<16)
	for i := range scores {
		scores[i] = rng.IntN(11)
	}
	var n NPS
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := n.Add(scores[i&(1<<16-1)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkCSATAdd(b *testing.B) {
	var c CSAT
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := c.Add(1 + i%5); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// likertRows returns n respondents × k items on 1..7 driven by one latent
// trait, so the scale is reliable (alpha ≈ 0.95), from a fixed seed.
func likertRows(n, k int) [][]float64 {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([][]float64, n)
	for i := range rows {
		trait := rng.NormFloat64()
		row := make([]float64, k)
		for j := range row {
			v := 4 + 1.2*trait + 0.8*rng.NormFloat64()
			row[j] = float64(min(7, max(1, int(v+0.5))))
		}
		rows[i] = row
	}
	return rows
}

// BenchmarkCronbach: 100 000 respondents × 22 items, data built in the
// benchmark (not at package init) so `go test` stays fast. With
// SCORECARD_CRONBACH_DATA naming a file of little-endian float64 values, 22
// to a row, it reads those instead: testdata/bench/cronbach_numpy.py writes
// one and times numpy on the same numbers in the same run.
func BenchmarkCronbach(b *testing.B) {
	rows := likertRows(100_000, 22)
	if path := os.Getenv("SCORECARD_CRONBACH_DATA"); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows = make([][]float64, len(raw)/(8*22))
		for i := range rows {
			rows[i] = make([]float64, 22)
			for j := range rows[i] {
				rows[i][j] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*(22*i+j):]))
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var r Reliability
	for b.Loop() {
		var err error
		if r, err = Cronbach(rows); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("alpha %.12f", r.Alpha)
}

// BenchmarkAlphaMerge merges two 22-item accumulators holding 100 or 100 000
// respondents each: the cost is O(k²) and does not depend on respondents.
func BenchmarkAlphaMerge(b *testing.B) {
	for _, n := range []int{100, 100_000} {
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			rows := likertRows(n, 22)
			src, _ := NewAlpha(22, CompleteOnly)
			for _, r := range rows {
				if err := src.Add(r); err != nil {
					b.Fatal(err)
				}
			}
			dst, _ := NewAlpha(22, CompleteOnly)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := dst.Merge(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkServqualMerge: merging two SERVQUAL accumulators costs O(items),
// whatever the number of respondents.
func BenchmarkServqualMerge(b *testing.B) {
	for _, n := range []int{100, 100_000} {
		b.Run(fmt.Sprintf("respondents=%d", n), func(b *testing.B) {
			src := NewServqual(nil)
			p := make([]Answer, 22)
			for i := range n {
				for j := range p {
					p[j] = Rated(1 + (i+j)%7)
				}
				if err := src.Add(ServqualResponse{Expectations: p, Perceptions: p}); err != nil {
					b.Fatal(err)
				}
			}
			dst := NewServqual(nil)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := dst.Merge(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// servqualBenchResponse is the response BenchmarkServqualAdd scores: 22
// expectations and perceptions and a 100-point allocation.
func servqualBenchResponse() ServqualResponse {
	e, p := make([]Answer, 22), make([]Answer, 22)
	for i := range e {
		e[i], p[i] = Rated(7-i%3), Rated(4+i%4)
	}
	return ServqualResponse{Expectations: e, Perceptions: p, Importance: Allocation{10, 30, 20, 20, 20}, Phase: During}
}

var benchSink int64

// BenchmarkServqualBarePass is the floor for BenchmarkServqualAdd: one pass
// reading the same fields (every answer's state and value, the allocation,
// weight, phase and source) and summing them, with no validation.
func BenchmarkServqualBarePass(b *testing.B) {
	r := servqualBenchResponse()
	b.ReportAllocs()
	for b.Loop() {
		var s int64
		for i := range r.Perceptions {
			p, e := r.Perceptions[i], r.Expectations[i]
			s += int64(p.State) + int64(p.Value) + int64(e.State) + int64(e.Value)
		}
		for _, w := range r.Importance {
			s += int64(w)
		}
		s += int64(r.Weight) + int64(r.Phase) + int64(r.Source)
		benchSink += s
	}
}
