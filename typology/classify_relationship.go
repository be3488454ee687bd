package typology

import (
	"math"
	"slices"
	"time"
)

// sortedTimes returns the instants of ps in increasing order in buf (grown
// if too small): read in place when asc or desc says ps is already sorted
// one way (the usual case), sorted otherwise.
func sortedTimes(ps []Purchase, asc, desc bool, buf []time.Time) []time.Time {
	ts := buf[:0]
	switch {
	case asc:
		for i := range ps {
			ts = append(ts, ps[i].At)
		}
	case desc:
		for i := len(ps) - 1; i >= 0; i-- {
			ts = append(ts, ps[i].At)
		}
	default:
		for i := range ps {
			ts = append(ts, ps[i].At)
		}
		slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	}
	return ts
}

// gapStats returns the mean and coefficient of variation (population
// standard deviation / mean) of the days between consecutive instants of
// sorted ts; a zero mean gives CV 0.
func gapStats(ts []time.Time) (mean, cv float64) {
	n := len(ts)
	if n < 2 {
		return 0, 0
	}
	var sum, sumSq float64
	for i := 1; i < n; i++ {
		g := sub(ts[i], ts[i-1]).Hours() / 24
		sum += g
		sumSq += g * g
	}
	mean = sum / float64(n-1)
	if mean <= 0 {
		return 0, 0
	}
	variance := max(sumSq/float64(n-1)-mean*mean, 0)
	return mean, math.Sqrt(variance) / mean
}

// sub is t.Sub(u) without Sub's overflow check by round trip, which costs
// more than the subtraction: for instants without monotonic readings less
// than 290 years apart the difference of their seconds and nanoseconds is
// exact; anything else goes through Sub.
func sub(t, u time.Time) time.Duration {
	const maxSec = 9_000_000_000 // seconds: 285 years, well inside a Duration
	if t == t.Round(0) && u == u.Round(0) {
		if ds := t.Unix() - u.Unix(); ds > -maxSec && ds < maxSec {
			return time.Duration(ds)*time.Second + time.Duration(t.Nanosecond()-u.Nanosecond())
		}
	}
	return t.Sub(u)
}

// loyalty holds the figures of the five conditions of the loyal rule.
type loyalty struct {
	n                  int
	tenure, minTenure  time.Duration
	minPurchases       int
	cv, maxCV, meanGap float64
	lapseDays, lapses  float64
	latest             *Survey
	ok                 [5]bool
}

func checkLoyalty(h *History, cfg *Config, now time.Time, first, last time.Time, meanGap, cv float64) loyalty {
	y := loyalty{n: len(h.Purchases), tenure: now.Sub(first), minTenure: cfg.LoyalMinTenure, minPurchases: cfg.LoyalMinPurchases,
		cv: cv, maxCV: cfg.LoyalMaxGapCV, meanGap: meanGap, lapseDays: now.Sub(last).Hours() / 24, lapses: cfg.LoyalMaxLapse}
	for i := range h.Surveys {
		if y.latest == nil || h.Surveys[i].At.After(y.latest.At) {
			y.latest = &h.Surveys[i]
		}
	}
	y.ok = [5]bool{
		y.tenure >= cfg.LoyalMinTenure,
		y.n >= cfg.LoyalMinPurchases,
		cv <= cfg.LoyalMaxGapCV && meanGap > 0,
		meanGap > 0 && y.lapseDays <= cfg.LoyalMaxLapse*meanGap,
		y.latest != nil && y.latest.IntendsToBuy && y.latest.WouldRecommend,
	}
	return y
}

// write writes condition k of the loyal rule in l.
func (y *loyalty) write(e *explainer, k int, l Language) {
	switch k {
	case 0:
		e.s(tr(l, "tenure ", "antigüedad "))
		e.days(y.tenure)
		e.s(tr(l, " vs ", " frente a "))
		e.days(y.minTenure)
	case 1:
		e.i(y.n)
		e.s(tr(l, " purchases vs ", " compras frente a "))
		e.i(y.minPurchases)
	case 2:
		e.s(tr(l, "gap CV ", "CV de los intervalos "))
		e.f(y.cv, 2)
		e.s(tr(l, " vs ≤ ", " frente a ≤ "))
		e.f(y.maxCV, 2)
		e.s(tr(l, " (mean gap ", " (intervalo medio "))
		e.f(y.meanGap, 0)
		e.s(" d)")
	case 3:
		e.s(tr(l, "last purchase ", "última compra hace "))
		e.f(y.lapseDays, 0)
		e.s(tr(l, " d ago vs ≤ ", " d frente a ≤ "))
		e.f(y.lapses, 1)
		e.s(tr(l, " mean gaps (", " intervalos medios ("))
		e.f(y.lapses*y.meanGap, 0)
		e.s(" d)")
	case 4:
		if y.latest == nil {
			e.s(tr(l, "no survey of intent to buy and recommend", "ninguna encuesta de intención de compra y recomendación"))
			return
		}
		e.s(tr(l, "latest survey (", "última encuesta ("))
		e.b(y.latest.At.AppendFormat(e.tmp[:0], time.DateOnly))
		e.s(tr(l, "): intends to buy ", "): intención de compra "))
		e.yesNo(y.latest.IntendsToBuy, l)
		e.s(tr(l, ", would recommend ", ", recomendaría "))
		e.yesNo(y.latest.WouldRecommend, l)
	}
}

// writeConditions writes the conditions that hold (met) or fail, joined by
// "; ", in both languages, as one reason.
func (y *loyalty) writeConditions(e *explainer, rule string, met bool) {
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin(rule)
		} else {
			e.es()
		}
		if !met {
			e.s(tr(l, "fails ", "no cumple "))
		}
		first := true
		for k, ok := range y.ok {
			if ok != met {
				continue
			}
			if !first {
				e.s("; ")
			}
			first = false
			y.write(e, k, l)
		}
	}
	e.end()
}

// relCounts are the purchase counts of the relationship rules.
type relCounts struct{ n, tied, promo, budget, tiered int }

func share(k, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(k) / float64(of)
}

func classifyRelationship(e *explainer, h *History, cfg *Config, now time.Time, scan *purchaseScan) (Relationship, float64) {
	n := len(h.Purchases)
	if n < cfg.MinPurchases {
		for l := English; l <= Spanish; l++ {
			if l == English {
				e.begin("relationship.few")
			} else {
				e.es()
			}
			e.i(n)
			e.s(tr(l, " purchases < ", " compras < "))
			e.i(cfg.MinPurchases)
			e.s(tr(l, ": too few to tell", ": demasiado pocas para saberlo"))
		}
		e.end()
		return RelationshipUnknown, 0
	}
	c := relCounts{n: n, tied: scan.tied, promo: scan.promo, budget: scan.budget, tiered: scan.tiered}
	var buf [64]time.Time
	ts := sortedTimes(h.Purchases, scan.asc, scan.desc, buf[:])
	meanGap, cv := gapStats(ts)
	y := checkLoyalty(h, cfg, now, ts[0], ts[n-1], meanGap, cv)
	if y.ok == [5]bool{true, true, true, true, true} {
		y.writeConditions(e, "relationship.loyal", true)
		return Loyal, evidence(n)
	}
	t, conf := otherRelationship(e, c, cfg, meanGap, cv)
	y.writeConditions(e, "relationship.not-loyal", false)
	return t, conf
}

// otherRelationship applies the rules after the loyal one and writes the
// reason of the first that holds, or of none.
func otherRelationship(e *explainer, c relCounts, cfg *Config, meanGap, cv float64) (Relationship, float64) {
	ratio := func(rule string, k, of int, s, min float64, en, es string) {
		for l := English; l <= Spanish; l++ {
			if l == English {
				e.begin(rule)
			} else {
				e.es()
			}
			e.i(k)
			e.s(tr(l, " of ", " de "))
			e.i(of)
			e.s(tr(l, en, es))
			e.pct(s)
			e.s(" ≥ ")
			e.pct(min)
			e.s(")")
		}
		e.end()
	}
	if s := share(c.tied, c.n); s >= cfg.DependentShare {
		ratio("relationship.dependent", c.tied, c.n, s, cfg.DependentShare,
			" purchases tied to another product or obligation (", " compras supeditadas a otro producto u obligación (")
		return DependentPurchase, s * evidence(c.n)
	}
	if s := share(c.promo, c.n); s >= cfg.PromotionShare {
		ratio("relationship.promotions", c.promo, c.n, s, cfg.PromotionShare, " purchases on promotion (", " compras en promoción (")
		return PromotionSeeker, s * evidence(c.n)
	}
	if s := share(c.budget, c.tiered); c.tiered > 0 && s >= cfg.EconomistShare {
		ratio("relationship.economist", c.budget, c.tiered, s, cfg.EconomistShare,
			" purchases with a known tier at the budget tier (", " compras con gama conocida en la gama económica (")
		return Economist, s * evidence(c.tiered)
	}
	erratic := cv >= cfg.ErraticGapCV
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin(map2(erratic, "relationship.erratic", "relationship.none"))
		} else {
			e.es()
		}
		if erratic {
			e.s(tr(l, "gap CV ", "CV de los intervalos "))
			e.f(cv, 2)
			e.s(" ≥ ")
			e.f(cfg.ErraticGapCV, 2)
			e.s(tr(l, " over ", " en "))
			e.i(c.n)
			e.s(tr(l, " purchases (mean gap ", " compras (intervalo medio "))
			e.f(meanGap, 0)
			e.s(tr(l, " d): no buying pattern", " d): sin pauta de compra"))
			continue
		}
		e.i(c.n)
		e.s(tr(l, " purchases, ", " compras, "))
		e.pct(share(c.tied, c.n))
		e.s(tr(l, " tied, ", " supeditadas, "))
		e.pct(share(c.promo, c.n))
		e.s(tr(l, " on promotion, ", " en promoción, "))
		e.pct(share(c.budget, c.tiered))
		e.s(tr(l, " budget tier, gap CV ", " de gama económica, CV de los intervalos "))
		e.f(cv, 2)
		e.s(tr(l, ": no rule applies", ": no se aplica ninguna regla"))
	}
	e.end()
	if erratic {
		return Erratic, min(1, cv/(2*cfg.ErraticGapCV)) * evidence(c.n)
	}
	return RelationshipUnknown, 0
}

// map2 returns a when b holds, c otherwise.
func map2(b bool, a, c string) string {
	if b {
		return a
	}
	return c
}
