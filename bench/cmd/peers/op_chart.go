package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"time"

	"github.com/servuction/servuction/pdca"
)

// chartGroup times the individuals chart and all eight Nelson rules over
// 1 000 000 points (pdca.IMR, then Chart.Violations(pdca.Nelson)) against
// the same computation vectorised in numpy.
func chartGroup() group {
	return group{key: "chart", setup: func(ctx context.Context, e *env) ([]*row, []string, func(), error) {
		n := e.size(1_000_000, 1000)
		path := e.path("chart.f64")
		if err := writeChart(path, n); err != nil {
			return nil, nil, nil, err
		}
		vals, err := readFloat64s(path)
		if err != nil {
			return nil, nil, nil, err
		}
		p, script, skip, err := e.startPeer(ctx, e.tools.python3Tool("numpy", "python3-numpy"), e.tools.python, "chart_numpy.py", path)
		if err != nil || skip != "" {
			return nil, skipLine("individuals chart and Nelson rules vs numpy", skip), nil, err
		}
		r := &row{
			op: fmt.Sprintf("individuals chart and the 8 Nelson rules, %s points", thousands(n)), unit: "per call",
			peerName: "numpy (vectorised)",
			ours: func(context.Context) (float64, any, error) {
				t0 := time.Now()
				ind, _, err := pdca.IMR(vals)
				if err != nil {
					return 0, nil, err
				}
				v := ind.Violations(pdca.Nelson)
				s := time.Since(t0).Seconds()
				return s, chartAnswerOf(ind, v), nil
			},
			peer: func(context.Context) (float64, any, error) {
				var a chartAnswer
				s, err := p.run(&a)
				return s, a, err
			},
			check:     func(o, p any) error { return sameAnswer(o, p, chartTolerance) },
			tolerance: "centre and σ within " + chartTolerance.String() + "; every flagged point of every rule exact",
			oursCmd:   code("pdca.IMR(values)") + " then " + code("individuals.Violations(pdca.Nelson)") + " (also builds the moving-range chart)",
			peerCmd:   code(e.display(e.tools.python, script, path)) + ": mean, moving ranges, zones, the 8 rules as cumulative-sum windows",
		}
		return []*row{r}, nil, p.close, nil
	}}
}

// chartTolerance: numpy sums pairwise, pdca in order.
var chartTolerance = tolerance{rel: 1e-12}

// chartAnswer is the chart's centre and σ and, for Nelson1 … Nelson8, the
// 0-based points each flags, in increasing order.
type chartAnswer struct {
	Center     float64    `json:"center"`
	Sigma      float64    `json:"sigma"`
	Violations [8][]int64 `json:"violations"`
}

func chartAnswerOf(c pdca.Chart, vs []pdca.Violation) chartAnswer {
	a := chartAnswer{Center: c.Center, Sigma: c.Sigma}
	for i := range a.Violations {
		a.Violations[i] = []int64{} // an empty rule is [] in JSON, as numpy prints it
	}
	for _, v := range vs {
		k := int(v.Rule - pdca.Nelson1)
		a.Violations[k] = append(a.Violations[k], int64(v.Index))
	}
	return a
}

// writeChart writes n seeded normal values whose level shifts every 10 000
// points, so that the rules fire now and then (pdca's BenchmarkViolations
// data), as little-endian float64.
func writeChart(path string, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	return writeFile(path, func(w *bufio.Writer) error {
		var buf [8]byte
		level := 0.0
		for i := range n {
			if i%10_000 == 0 {
				level = rng.NormFloat64() / 2
			}
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(level+rng.NormFloat64()))
			w.Write(buf[:])
		}
		return nil
	})
}

// readFloat64s reads a file of little-endian float64 values.
func readFloat64s(path string) ([]float64, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(raw)%8 != 0 {
		return nil, fmt.Errorf("%s: %d bytes, not a whole number of float64 values", path, len(raw))
	}
	vals := make([]float64, len(raw)/8)
	for i := range vals {
		vals[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return vals, nil
}
