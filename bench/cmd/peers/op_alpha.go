package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/servuction/servuction/scorecard"
)

const alphaItems = 22

// alphaGroup times scorecard.Cronbach on 100 000 respondents × 22 items
// against R's psych::alpha and numpy's covariance formula, on one CSV file
// of ratings 1–7.
func alphaGroup() group {
	return group{key: "alpha", setup: func(ctx context.Context, e *env) ([]*row, []string, func(), error) {
		n := e.size(100_000, 100)
		path := e.path("alpha.csv")
		if err := writeAlpha(path, n); err != nil {
			return nil, nil, nil, err
		}
		rows, err := readAlpha(path)
		if err != nil {
			return nil, nil, nil, err
		}
		op := fmt.Sprintf("Cronbach's alpha, %s respondents × %d items", thousands(n), alphaItems)
		ours := func() (float64, scorecard.Reliability, error) {
			t0 := time.Now()
			r, err := scorecard.Cronbach(rows)
			return time.Since(t0).Seconds(), r, err
		}
		var out []*row
		var skipped []string
		var procs []*process
		closeAll := func() {
			for _, p := range procs {
				p.close()
			}
		}
		p, script, skip, err := e.startPeer(ctx, e.tools.rPsych(), e.tools.rscript, "alpha_psych.R", path)
		switch {
		case err != nil:
			return nil, nil, closeAll, err
		case skip != "":
			skipped = append(skipped, "Cronbach's alpha vs R psych::alpha skipped: "+skip)
		default:
			procs = append(procs, p)
			out = append(out, psychRow(op, ours, p, code(e.display(e.tools.rscript, script, path))))
		}
		p, script, skip, err = e.startPeer(ctx, e.tools.python3Tool("numpy", "python3-numpy"), e.tools.python, "alpha_numpy.py", path)
		switch {
		case err != nil:
			return nil, nil, closeAll, err
		case skip != "":
			skipped = append(skipped, "Cronbach's alpha vs numpy skipped: "+skip)
		default:
			procs = append(procs, p)
			out = append(out, numpyAlphaRow(op, ours, p, code(e.display(e.tools.python, script, path))))
		}
		return out, skipped, closeAll, nil
	}}
}

// alphaOursCmd says what our side of the alpha rows computes.
var alphaOursCmd = code("scorecard.Cronbach(rows)") + " (alpha, standardized alpha, item–rest r, alpha if deleted, item statistics, Feldt interval)"

// psychRow compares Cronbach with psych::alpha run by p.
func psychRow(op string, ours func() (float64, scorecard.Reliability, error), p *process, command string) *row {
	return &row{op: op, unit: "per call", peerName: "R psych::alpha",
		ours: func(context.Context) (float64, any, error) {
			s, r, err := ours()
			if err != nil {
				return 0, nil, err
			}
			return s, psychAnswer{Alpha: r.Alpha, Standardized: r.Standardized, ItemRest: r.ItemRest, AlphaIfDeleted: r.AlphaIfDeleted}, nil
		},
		peer: func(context.Context) (float64, any, error) {
			var a psychAnswer
			s, err := p.run(&a)
			return s, a, err
		},
		check:     func(o, p any) error { return sameAnswer(o, p, alphaTolerance) },
		tolerance: "alpha, standardized alpha, item–rest r and alpha if deleted within " + alphaTolerance.String(),
		oursCmd:   alphaOursCmd,
		peerCmd:   command + ": " + code("psych::alpha(x)") + " in " + code("system.time"),
	}
}

// numpyAlphaRow compares Cronbach with numpy's covariance formula run by p.
func numpyAlphaRow(op string, ours func() (float64, scorecard.Reliability, error), p *process, command string) *row {
	return &row{op: op, unit: "per call", peerName: "numpy np.cov formula",
		ours: func(context.Context) (float64, any, error) {
			s, r, err := ours()
			if err != nil {
				return 0, nil, err
			}
			return s, numpyAlphaAnswer{Alpha: r.Alpha}, nil
		},
		peer: func(context.Context) (float64, any, error) {
			var a numpyAlphaAnswer
			s, err := p.run(&a)
			return s, a, err
		},
		check:     func(o, p any) error { return sameAnswer(o, p, alphaTolerance) },
		tolerance: "alpha within " + alphaTolerance.String(),
		oursCmd:   alphaOursCmd,
		peerCmd:   command + ": k/(k−1)·(1 − tr C / ΣC), " + code("C = np.cov(x, rowvar=False)"),
	}
}

// alphaTolerance: both sides compute in float64 from the same integers;
// the sums differ in order only.
var alphaTolerance = tolerance{abs: 1e-10}

// psychAnswer is what alpha_psych.R prints: psych::alpha's total$raw_alpha,
// total$std.alpha, item.stats$r.drop and alpha.drop$raw_alpha.
type psychAnswer struct {
	Alpha          float64   `json:"alpha"`
	Standardized   float64   `json:"standardized"`
	ItemRest       []float64 `json:"itemRest"`
	AlphaIfDeleted []float64 `json:"alphaIfDeleted"`
}

// numpyAlphaAnswer is what alpha_numpy.py prints.
type numpyAlphaAnswer struct {
	Alpha float64 `json:"alpha"`
}

// writeAlpha writes n respondents × 22 items on 1..7 driven by one latent
// trait (alpha ≈ 0.95), from a fixed seed: scorecard's BenchmarkCronbach
// data.
func writeAlpha(path string, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	return writeFile(path, func(w *bufio.Writer) error {
		for j := range alphaItems {
			if j > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, "i%d", j+1)
		}
		w.WriteByte('\n')
		for range n {
			trait := rng.NormFloat64()
			for j := range alphaItems {
				v := 4 + 1.2*trait + 0.8*rng.NormFloat64()
				if j > 0 {
					w.WriteByte(',')
				}
				w.WriteString(strconv.Itoa(min(7, max(1, int(v+0.5)))))
			}
			w.WriteByte('\n')
		}
		return nil
	})
}

// readAlpha parses the file writeAlpha wrote.
func readAlpha(path string) ([][]float64, error) {
	header := make([]string, alphaItems)
	for j := range header {
		header[j] = fmt.Sprintf("i%d", j+1)
	}
	var rows [][]float64
	err := readCSV(path, header, func(_ int, rec []string) error {
		r := make([]float64, len(rec))
		for j, s := range rec {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return err
			}
			r[j] = v
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// thousands writes n with spaces between groups of three digits
// ("100 000"), as the README does.
func thousands(n int) string { return groupDigits(strconv.Itoa(n)) }
