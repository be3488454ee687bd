package scorecard

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// accKind drives the merge property test of one accumulator type.
type accKind struct {
	name   string
	zero   func() any                          // a zero-value accumulator (pointer)
	add    func(acc any, rng *rand.Rand) error // add one random record
	merge  func(dst, src any) error
	result func(acc any) string // the result, printed (NaN-safe comparison)
}

var testCard = func() *CardSurvey {
	c, err := NewCardSurvey(Likert5, []string{"speed", "courtesy", "decor"}, []string{"us", "them"})
	if err != nil {
		panic(err)
	}
	return c
}

func accKinds() []accKind {
	rate := func(rng *rand.Rand, lo, hi int) Answer {
		switch rng.IntN(12) {
		case 0:
			return Answer{}
		case 1:
			return NA()
		}
		return Rated(lo + rng.IntN(hi-lo+1))
	}
	alpha := func(p MissingPolicy) accKind {
		return accKind{"alpha " + p.String(),
			func() any { return &Alpha{} },
			func(acc any, rng *rand.Rand) error {
				a := acc.(*Alpha)
				if a.k == 0 {
					a.policy = p
				}
				trait := rng.NormFloat64()
				row := make([]float64, 5)
				for j := range row {
					row[j] = float64(min(7, max(1, int(4.5+trait+rng.NormFloat64()))))
					if p != CompleteOnly && rng.IntN(15) == 0 {
						row[j] = nan
					}
				}
				return a.Add(row)
			},
			func(d, s any) error { return d.(*Alpha).Merge(s.(*Alpha)) },
			func(acc any) string { r, err := acc.(*Alpha).Result(); return fmt.Sprint(r, err) }}
	}
	return []accKind{
		{"nps", func() any { return &NPS{} },
			func(acc any, rng *rand.Rand) error { return acc.(*NPS).Add(rng.IntN(11)) },
			func(d, s any) error { d.(*NPS).Merge(s.(*NPS)); return nil },
			func(acc any) string { return fmt.Sprint(acc.(*NPS).Result()) }},
		{"csat", func() any { return &CSAT{} },
			func(acc any, rng *rand.Rand) error { return acc.(*CSAT).Add(1 + rng.IntN(5)) },
			func(d, s any) error { return d.(*CSAT).Merge(s.(*CSAT)) },
			func(acc any) string { return fmt.Sprint(acc.(*CSAT).Result()) }},
		{"ces", func() any { return &CES{} },
			func(acc any, rng *rand.Rand) error { return acc.(*CES).Add(1 + rng.IntN(7)) },
			func(d, s any) error { d.(*CES).Merge(s.(*CES)); return nil },
			func(acc any) string { return fmt.Sprint(acc.(*CES).Result()) }},
		{"servqual", func() any { return &Servqual{} },
			func(acc any, rng *rand.Rand) error {
				r := ServqualResponse{Expectations: make([]Answer, 22), Perceptions: make([]Answer, 22)}
				for j := range 22 {
					r.Expectations[j], r.Perceptions[j] = rate(rng, 1, 7), rate(rng, 1, 7)
				}
				if rng.IntN(3) == 0 {
					r.Importance = Allocation{10, 30, 20, 20, 20}
				}
				return acc.(*Servqual).Add(r)
			},
			func(d, s any) error { return d.(*Servqual).Merge(s.(*Servqual)) },
			func(acc any) string {
				// Item sums are exact integers; respondent-level and
				// importance-weighted scores are float sums of fractions,
				// equal up to rounding: compare them to 12 digits.
				r := acc.(*Servqual).Result()
				return fmt.Sprint(r.Items) + fmt.Sprintf("%.12v", r)
			}},
		alpha(CompleteOnly), alpha(Listwise), alpha(Pairwise),
		{"card survey", func() any { return &CardSurvey{} },
			func(acc any, rng *rand.Rand) error {
				c := acc.(*CardSurvey)
				if c.check() != nil {
					*c = *testCard()
				}
				r := CardResponse{Importance: []Answer{rate(rng, 1, 5), rate(rng, 1, 5), rate(rng, 1, 5)}}
				for range 2 {
					r.Scores = append(r.Scores, []Answer{rate(rng, 1, 5), rate(rng, 1, 5), rate(rng, 1, 5)})
				}
				return c.Add(r)
			},
			func(d, s any) error { return d.(*CardSurvey).Merge(s.(*CardSurvey)) },
			func(acc any) string {
				c := acc.(*CardSurvey)
				ci, err := c.OverallIntervals()
				return fmt.Sprint(c.Samples(), c.Respondents(), ci, err)
			}},
		{"mystery shop", func() any { return &MysteryShop{} },
			func(acc any, rng *rand.Rand) error {
				marks := make([]Mark, 6)
				for j := range marks {
					marks[j] = []Mark{Pass, Pass, Fail, MarkNA}[rng.IntN(4)]
				}
				return acc.(*MysteryShop).Add(Evaluation{Branch: fmt.Sprint("b", rng.IntN(3)), Agent: fmt.Sprint("a", rng.IntN(4)), Marks: marks})
			},
			func(d, s any) error { return d.(*MysteryShop).Merge(s.(*MysteryShop)) },
			func(acc any) string { return roundedResult(acc.(*MysteryShop).Result()) }},
		{"drivers", func() any { return &Drivers{} },
			func(acc any, rng *rand.Rand) error {
				p, pr, s := 1+rng.IntN(7), 1+rng.IntN(7), 1+rng.IntN(7)
				return acc.(*Drivers).Add(DriverRating{float64(p), float64(pr), float64(s), float64(min(7, max(1, (p+pr+2*s)/4+rng.IntN(3)-1)))})
			},
			func(d, s any) error { d.(*Drivers).Merge(s.(*Drivers)); return nil },
			func(acc any) string { m, err := acc.(*Drivers).Result(); return fmt.Sprint(m, err) }},
		{"key drivers", func() any { return &KeyDrivers{} },
			func(acc any, rng *rand.Rand) error {
				g := rng.NormFloat64()
				x := make([]float64, 5)
				sum := 0.0
				for j := range x {
					x[j] = float64(min(7, max(1, int(4.5+g+rng.NormFloat64()))))
					sum += float64(j%3) * x[j]
				}
				return acc.(*KeyDrivers).Add(float64(min(10, max(0, int(sum/3+rng.NormFloat64())))), x)
			},
			func(d, s any) error { return d.(*KeyDrivers).Merge(s.(*KeyDrivers)) },
			func(acc any) string { a, err := acc.(*KeyDrivers).Result(); return fmt.Sprint(a, err) }},
	}
}

// roundedResult prints a mystery-shop result with scores to 12 digits: visit
// scores are fractions whose float sums depend on the order of addition.
func roundedResult(r MysteryShopResult) string { return fmt.Sprintf("%.12v", r) }

// TestAccumulatorsMergeEqualsOnePass is issue 17's property: records split
// into random shards (fixed seed), each shard encoded to JSON and decoded,
// the shards merged in random order into a zero value, equal one pass over
// every record.
func TestAccumulatorsMergeEqualsOnePass(t *testing.T) {
	for _, k := range accKinds() {
		t.Run(k.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(11, 12))
			for trial := range 5 {
				one := k.zero()
				shards := make([]any, 1+rng.IntN(6))
				for i := range shards {
					shards[i] = k.zero()
				}
				for range 200 + rng.IntN(400) {
					seed := rng.Uint64()
					require.NoError(t, k.add(one, rand.New(rand.NewPCG(seed, 1))))
					require.NoError(t, k.add(shards[rng.IntN(len(shards))], rand.New(rand.NewPCG(seed, 1))))
				}
				merged := k.zero()
				for _, i := range rng.Perm(len(shards)) {
					b, err := json.Marshal(shards[i])
					require.NoError(t, err)
					dec := k.zero()
					require.NoError(t, json.Unmarshal(b, dec), "%s", b)
					b2, err := json.Marshal(dec)
					require.NoError(t, err)
					require.JSONEq(t, string(b), string(b2), "encoding is not stable")
					require.NoError(t, k.merge(merged, dec))
				}
				require.Equal(t, k.result(one), k.result(merged), "trial %d, %d shards", trial, len(shards))
			}
		})
	}
}
