package typology

import (
	"encoding/binary"
	"errors"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// historyFrom decodes arbitrary bytes into a history: each 6-byte record is
// one purchase, contact, survey or observation, with values that may be out
// of range (negative amounts, instants after now, ratings above 5, undefined
// enums) so that the validation is exercised too.
func historyFrom(data []byte) History {
	h := History{Customer: "fuzz"}
	for len(data) >= 6 {
		kind, rec := data[0]%4, data[1:6]
		data = data[6:]
		ago := int(int16(binary.LittleEndian.Uint16(rec[0:2]))) // may be negative: the future
		at := now.Add(-time.Duration(ago) * time.Hour * 7)
		v, w := rec[2], rec[3]
		flags := rec[4]
		switch kind {
		case 0:
			h.Purchases = append(h.Purchases, Purchase{
				At:        at,
				Amount:    servuction.Money{Amount: decimal.NewFromInt(int64(int8(v)) * 1000), Currency: "COP"},
				Margin:    servuction.Money{Amount: decimal.NewFromInt(int64(int8(w)) * 100), Currency: "COP"},
				Promotion: flags&1 != 0, Tied: flags&2 != 0, Tier: PriceTier(flags >> 5),
			})
		case 1:
			h.Contacts = append(h.Contacts, Contact{
				At: at, Complaint: flags&1 != 0, Hostile: flags&2 != 0, Escalation: flags&4 != 0,
				Finding: Finding(v % 4), Satisfaction: int(int8(w)) % 7, Channel: servuction.Channel(flags >> 4),
			})
		case 2:
			h.Surveys = append(h.Surveys, Survey{At: at, Rating: int(v % 7), WouldRecommend: flags&1 != 0, IntendsToBuy: flags&2 != 0})
		case 3:
			h.Observations = append(h.Observations, Observation{At: at, Personality: Personality(v % 8), Motivation: Motivation(w % 4)})
		}
	}
	return h
}

func checkClassification[T interface {
	IsValid() bool
	comparable
}](t *testing.T, what string, c Classification[T]) {
	if len(c.Reasons) == 0 {
		t.Fatalf("%s: no reason", what)
	}
	for _, r := range c.Reasons {
		if r.Rule == "" || r.Detail == "" || r.DetailES == "" {
			t.Fatalf("%s: reason %+v without code or text in both languages", what, r)
		}
	}
	if !(c.Confidence >= 0 && c.Confidence <= 1) || math.IsNaN(c.Confidence) {
		t.Fatalf("%s: confidence %v", what, c.Confidence)
	}
	if !c.Type.IsValid() {
		t.Fatalf("%s: undefined type %v", what, c.Type)
	}
	var zero T
	if c.Type == zero && c.Confidence != 0 {
		t.Fatalf("%s: unknown type with confidence %v", what, c.Confidence)
	}
}

// FuzzClassify: over arbitrary histories Classify never panics; it either
// rejects the history with ErrInvalidHistory or classifies every dimension
// with at least one reason and a confidence in [0, 1]; the playbook and the
// RFM summary of an accepted history work too.
func FuzzClassify(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 10, 0, 50, 10, 1, 1, 20, 0, 2, 1, 3, 2, 5, 0, 4, 3, 3, 3, 1, 0, 2, 5, 0})
	f.Add([]byte{1, 1, 0, 2, 1, 3, 1, 2, 0, 2, 1, 3, 1, 3, 0, 2, 1, 3, 1, 4, 0, 2, 1, 3})
	f.Add([]byte{0, 0xff, 0xff, 1, 1, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		h := historyFrom(data)
		// Classify's one-pass check agrees with Validate.
		if fast, full := scanPurchases(h.Purchases, now, now).valid && h.restValid(now), h.Validate(now) == nil; fast != full {
			t.Fatalf("fast validity %v, Validate %v", fast, full)
		}
		p, err := Classify(h, now, Config{Bands: Bands{Profitable: cop("1000"), VeryProfitable: cop("5000")}})
		if err != nil {
			if !errors.Is(err, ErrInvalidHistory) {
				t.Fatalf("error does not wrap ErrInvalidHistory: %v", err)
			}
			return
		}
		checkClassification(t, "behaviour", p.Behaviour)
		checkClassification(t, "personality", p.Personality)
		checkClassification(t, "relationship", p.Relationship)
		checkClassification(t, "profitability", p.Profitability)
		checkClassification(t, "motivation", p.Motivation)
		_ = Playbook(p, InPersonAttention).Format(Spanish)
		in, err := Summarize(h, now, 365*Day)
		if err != nil {
			t.Fatalf("Summarize rejects what Classify accepted: %v", err)
		}
		if _, err := ScoreRFM([]RFMInput{in, {Customer: "other", Recency: Day, Frequency: 1, Monetary: cop("1")}}, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzSegmentationJSON: arbitrary rules either fail with ErrInvalidConfig or
// give a segmentation that assigns exactly one segment to every cell.
func FuzzSegmentationJSON(f *testing.F) {
	f.Add([]byte(`[{"Segment":"All"}]`))
	f.Add([]byte(`[{"Segment":"Top","R":{"Min":4,"Max":5}},{"Segment":"Rest","R":{"Min":1,"Max":3}}]`))
	f.Add([]byte(`[{"Segment":"F","Where":{"Tags":["golf"]}},{"Segment":"All","M":{"Min":1,"Max":5}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Segmentation
		if err := s.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidConfig) {
				t.Fatalf("error does not wrap ErrInvalidConfig: %v", err)
			}
			return
		}
		for r := 1; r <= 5; r++ {
			for fr := 1; fr <= 5; fr++ {
				for m := 1; m <= 5; m++ {
					seg, err := s.Assign(r, fr, m, nil)
					if err != nil || seg == "" {
						t.Fatalf("R%d F%d M%d: %q %v", r, fr, m, seg, err)
					}
				}
			}
		}
	})
}

// FuzzBGNBD: any parameters and history either fail with ErrInvalidModel or
// give a P(alive) in [0, 1] and finite, non-negative expectations.
func FuzzBGNBD(f *testing.F) {
	f.Add(0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39.0)
	f.Add(1.0, 1.0, 1.0, 1.0, 1, 1.0, 2.0, 1.0)
	f.Add(0.5, 10.0, 3.0, 0.5, 0, 0.0, 10.0, 100.0)
	f.Fuzz(func(t *testing.T, r, alpha, a, b float64, x int, tx, T, horizon float64) {
		m, err := NewBGNBD(r, alpha, a, b)
		if err != nil {
			if !errors.Is(err, ErrInvalidModel) {
				t.Fatal(err)
			}
			return
		}
		if p, err := m.PAlive(x, tx, T); err == nil {
			if !(p >= 0 && p <= 1) {
				t.Fatalf("P(alive) = %v", p)
			}
		} else if !errors.Is(err, ErrInvalidModel) {
			t.Fatal(err)
		}
		if horizon > 1e4 || x > 1e4 {
			return // keep each run fast: the series is long near z = 1
		}
		for _, call := range []func() (float64, error){
			func() (float64, error) { return m.ExpectedPurchases(horizon) },
			func() (float64, error) { return m.ConditionalExpectedPurchases(horizon, x, tx, T) },
		} {
			v, err := call()
			if err != nil {
				if !errors.Is(err, ErrInvalidModel) {
					t.Fatal(err)
				}
				continue
			}
			if math.IsNaN(v) || math.IsInf(v, 0) || v < -1e-9 {
				t.Fatalf("expectation %v for %+v x=%d tx=%v T=%v t=%v", v, m, x, tx, T, horizon)
			}
		}
	})
}

// FuzzScoreRFM: over arbitrary customers, scores stay in 1–5, every customer
// gets a segment, and scores are monotone: a customer with a strictly better
// figure never scores lower on it, and equal figures score the same.
func FuzzScoreRFM(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 255, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		var in []RFMInput
		for len(data) >= 3 {
			in = append(in, RFMInput{
				Recency:   time.Duration(int(data[0])-1) * Day / 8, // −1/8 day: invalid, −0: fine
				Frequency: int(data[1]) - 2,
				Monetary:  servuction.Money{Amount: decimal.New(int64(data[2])-1, -int32(data[2]%4)), Currency: "COP"},
			})
			data = data[3:]
		}
		scores, err := ScoreRFM(in, nil)
		if err != nil {
			if !errors.Is(err, ErrInvalidHistory) {
				t.Fatal(err)
			}
			return
		}
		for i, s := range scores {
			for _, v := range []int{s.R, s.F, s.M} {
				if v < 1 || v > 5 {
					t.Fatalf("score %d out of range: %+v", v, s)
				}
			}
			if s.Segment == "" {
				t.Fatalf("no segment: %+v", s)
			}
			for j := range scores {
				a, b := in[i], in[j]
				if a.Frequency > b.Frequency && s.F < scores[j].F || a.Frequency == b.Frequency && s.F != scores[j].F {
					t.Fatalf("frequency %d scores %d, %d scores %d", a.Frequency, s.F, b.Frequency, scores[j].F)
				}
				if c := a.Monetary.Amount.Cmp(b.Monetary.Amount); c > 0 && s.M < scores[j].M || c == 0 && s.M != scores[j].M {
					t.Fatalf("monetary %s scores %d, %s scores %d", a.Monetary, s.M, b.Monetary, scores[j].M)
				}
				if a.Recency >= 0 && (b.Recency < 0 || a.Recency < b.Recency) && s.R < scores[j].R || a.Recency == b.Recency && s.R != scores[j].R {
					t.Fatalf("recency %s scores %d, %s scores %d", a.Recency, s.R, b.Recency, scores[j].R)
				}
			}
		}
	})
}

// FuzzABC: classes are monotone in the margin, margins ≤ 0 are not
// profitable, positive ones are, and the bands reproduce the classes.
func FuzzABC(f *testing.F) {
	f.Add([]byte{50, 30, 10, 5, 3, 2, 0, 200})
	f.Add([]byte{20, 20, 20, 40})
	f.Fuzz(func(t *testing.T, data []byte) {
		in := make([]Contribution, len(data))
		for i, d := range data {
			in[i] = Contribution{Customer: "c", Margin: cop(strconv.Itoa(int(int8(d))))}
		}
		res, err := ABC(in, ABCConfig{})
		if err != nil {
			t.Fatal(err)
		}
		b := res.Bands()
		for i, c := range res.Classes {
			m := in[i].Margin
			if (m.Sign() <= 0) != (c.Class == NotProfitable) {
				t.Fatalf("margin %s class %v", m, c.Class)
			}
			want := NotProfitable
			switch {
			case m.Sign() <= 0:
			case !m.Amount.LessThan(b.VeryProfitable.Amount):
				want = VeryProfitable
			case !m.Amount.LessThan(b.Profitable.Amount):
				want = Profitable
			default:
				want = LittleProfitable
			}
			if want != c.Class {
				t.Fatalf("margin %s: class %v, bands %s/%s give %v", m, c.Class, b.Profitable, b.VeryProfitable, want)
			}
			for j, d := range res.Classes {
				if in[i].Margin.Amount.GreaterThan(in[j].Margin.Amount) && c.Class < d.Class {
					t.Fatalf("margin %s class %v below margin %s class %v", in[i].Margin, c.Class, in[j].Margin, d.Class)
				}
			}
		}
	})
}
