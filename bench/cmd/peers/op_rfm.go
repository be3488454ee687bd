package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/typology"
	"github.com/shopspring/decimal"
)

// rfmGroup times typology.ScoreRFM on 1 000 000 customers against pandas:
// rank(method="average") per column, rounded up, mapped to dplyr::ntile's
// quintile of that position (ScoreRFM's documented tie policy), and the
// segment looked up from the same rules.
func rfmGroup() group {
	return group{key: "rfm", setup: func(ctx context.Context, e *env) ([]*row, []string, func(), error) {
		n := e.size(1_000_000, 100)
		path, rulesPath := e.path("rfm.csv"), e.path("rfm_rules.csv")
		if err := writeRFM(path, n); err != nil {
			return nil, nil, nil, err
		}
		if err := writeSegmentRules(rulesPath, typology.DefaultSegmentRules()); err != nil {
			return nil, nil, nil, err
		}
		in, err := readRFM(path)
		if err != nil {
			return nil, nil, nil, err
		}
		seg := typology.DefaultSegmentation()
		p, script, skip, err := e.startPeer(ctx, e.tools.python3Tool("pandas", "python3-pandas"), e.tools.python, "rfm_pandas.py", path, rulesPath)
		if err != nil || skip != "" {
			return nil, skipLine("RFM vs pandas", skip), nil, err
		}
		r := &row{
			op: fmt.Sprintf("RFM scores and segments, %s customers (many ties)", thousands(n)), unit: "per call",
			peerName: "pandas",
			ours: func(context.Context) (float64, any, error) {
				t0 := time.Now()
				scores, err := typology.ScoreRFM(in, seg)
				s := time.Since(t0).Seconds()
				if err != nil {
					return 0, nil, err
				}
				return s, rfmAnswerOf(scores), nil
			},
			peer: func(context.Context) (float64, any, error) {
				var a rfmAnswer
				s, err := p.run(&a)
				return s, a, err
			},
			check:     checkRFM,
			tolerance: "exact: every customer's R, F, M and segment",
			oursCmd:   code("typology.ScoreRFM(customers, typology.DefaultSegmentation())"),
			peerCmd:   code(e.display(e.tools.python, script, path, rulesPath)) + ": " + code(`rank(method="average")`) + ", rounded up, ntile of that position, segment lookup",
		}
		return []*row{r}, nil, p.close, nil
	}}
}

// rfmAnswer holds every customer's scores in input order, one digit per
// customer ("5314…"), and their segments as one letter per customer
// indexing Names ('A' is Names[0]), Names sorted.
type rfmAnswer struct {
	R        string   `json:"r"`
	F        string   `json:"f"`
	M        string   `json:"m"`
	Segment  string   `json:"segment"`
	Segments []string `json:"segments"`
}

func rfmAnswerOf(scores []typology.RFMScore) rfmAnswer {
	var r, f, m, s strings.Builder
	names := map[typology.Segment]bool{}
	for _, x := range scores {
		names[x.Segment] = true
	}
	var a rfmAnswer
	for name := range names {
		a.Segments = append(a.Segments, string(name))
	}
	slices.Sort(a.Segments)
	for _, x := range scores {
		r.WriteByte(byte('0' + x.R))
		f.WriteByte(byte('0' + x.F))
		m.WriteByte(byte('0' + x.M))
		s.WriteByte(byte('A' + slices.Index(a.Segments, string(x.Segment))))
	}
	a.R, a.F, a.M, a.Segment = r.String(), f.String(), m.String(), s.String()
	return a
}

// checkRFM compares two rfmAnswers and names the first customer whose
// scores differ.
func checkRFM(ours, peer any) error {
	o, p := ours.(rfmAnswer), peer.(rfmAnswer)
	if !slices.Equal(o.Segments, p.Segments) {
		return fmt.Errorf("segments used: ours %q, peer %q", o.Segments, p.Segments)
	}
	for _, c := range []struct{ name, a, b string }{{"R", o.R, p.R}, {"F", o.F, p.F}, {"M", o.M, p.M}, {"segment", o.Segment, p.Segment}} {
		if len(c.a) != len(c.b) {
			return fmt.Errorf("%s: ours scored %d customers, peer %d", c.name, len(c.a), len(c.b))
		}
		if i := firstDifference(c.a, c.b); i >= 0 {
			return fmt.Errorf("%s of customer %d (0-based): ours %c, peer %c", c.name, i, c.a[i], c.b[i])
		}
	}
	return nil
}

// firstDifference returns the first index where a and b differ, or -1.
func firstDifference(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// writeRFM writes n customers from a fixed seed (typology's BenchmarkRFM
// data): recency 0–729 days, frequency 0–60, spend 0.00–4 999 999.99, so
// recency and frequency carry many ties. Columns: customer, recency
// (days), frequency, monetary.
func writeRFM(path string, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	return writeFile(path, func(w *bufio.Writer) error {
		w.WriteString("customer,recency,frequency,monetary\n")
		for i := range n {
			rec, freq, cents := rng.IntN(730), rng.IntN(61), rng.Int64N(500_000_000)
			fmt.Fprintf(w, "c%d,%d,%d,%s\n", i, rec, freq, decimal.New(cents, -2).StringFixed(2))
		}
		return nil
	})
}

// readRFM parses the file writeRFM wrote.
func readRFM(path string) ([]typology.RFMInput, error) {
	var in []typology.RFMInput
	err := readCSV(path, []string{"customer", "recency", "frequency", "monetary"}, func(_ int, rec []string) error {
		days, err := strconv.Atoi(rec[1])
		if err != nil {
			return err
		}
		freq, err := strconv.Atoi(rec[2])
		if err != nil {
			return err
		}
		amount, err := decimal.NewFromString(rec[3])
		if err != nil {
			return err
		}
		in = append(in, typology.RFMInput{Customer: rec[0], Recency: time.Duration(days) * typology.Day, Frequency: freq,
			Monetary: servuction.Money{Amount: amount, Currency: "COP"}})
		return nil
	})
	return in, err
}

// writeSegmentRules writes the segmentation's rules for the peer, one per
// line: segment, then the inclusive R, F and M ranges (a zero bound is
// written 1 or 5: any score). Rules with a profile condition have no place in
// this benchmark and are refused.
func writeSegmentRules(path string, rules []typology.SegmentRule) error {
	return writeFile(path, func(w *bufio.Writer) error {
		w.WriteString("segment,rMin,rMax,fMin,fMax,mMin,mMax\n")
		for _, r := range rules {
			if !r.Where.IsZero() {
				return fmt.Errorf("segment rule %q has a profile condition", r.Segment)
			}
			fmt.Fprintf(w, "%s", r.Segment)
			for _, s := range []typology.ScoreRange{r.R, r.F, r.M} {
				lo, hi := s.Min, s.Max
				if lo == 0 {
					lo = 1
				}
				if hi == 0 {
					hi = 5
				}
				fmt.Fprintf(w, ",%d,%d", lo, hi)
			}
			w.WriteByte('\n')
		}
		return nil
	})
}
