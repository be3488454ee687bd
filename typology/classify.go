package typology

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/servuction/servuction"
)

// Reason is one step of a classification's explanation: the rule that was
// applied and the figures it used, so an agent can see why.
type Reason struct {
	Rule   string // e.g. "behaviour.abusive"
	Detail string // the figures and thresholds, e.g. "3 of 4 checked complaints unfounded (75% ≥ 50%)"
}

// String returns "rule: detail".
func (r Reason) String() string { return r.Rule + ": " + r.Detail }

// Classification is a type of T with the confidence of the rule that chose it
// (0 to 1) and the reasons, never empty in a result of [Classify].
//
// Confidence is a documented heuristic, not a probability: for a rule based
// on n pieces of evidence it is the rule's share times n/(n+2), so one
// complaint never gives more than 1/3 and ten give at most 5/6; rules that
// are plain arithmetic on the record (a margin ≤ 0) have confidence 1, and an
// unknown or unclassified result has confidence 0.
type Classification[T any] struct {
	Type       T
	Confidence float64
	Reasons    []Reason
}

// Profile is a customer's types, each explained.
type Profile struct {
	Customer      string
	Behaviour     Classification[Behaviour]
	Personality   Classification[Personality]
	Relationship  Classification[Relationship]
	Profitability Classification[Profitability]
	Motivation    Classification[Motivation]
	// Margin is the customer's total margin over the window.
	Margin servuction.Money
}

// String returns one line with the five types, e.g.
// "C-01: behaviour=aggressive personality=dominant relationship=loyal
// profitability=profitable motivation=rational". It never holds personal data.
func (p Profile) String() string {
	return fmt.Sprintf("%s: behaviour=%s personality=%s relationship=%s profitability=%s motivation=%s",
		p.Customer, p.Behaviour.Type, p.Personality.Type, p.Relationship.Type, p.Profitability.Type, p.Motivation.Type)
}

// Reasons returns every reason of the profile, behaviour first, then
// personality, relationship, profitability and motivation.
func (p Profile) Reasons() []Reason {
	var out []Reason
	out = append(out, p.Behaviour.Reasons...)
	out = append(out, p.Personality.Reasons...)
	out = append(out, p.Relationship.Reasons...)
	out = append(out, p.Profitability.Reasons...)
	return append(out, p.Motivation.Reasons...)
}

// evidence is the weight n/(n+2) of n pieces of evidence.
func evidence(n int) float64 { return float64(n) / float64(n+2) }

func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

func days(d time.Duration) string { return fmt.Sprintf("%.0f d", d.Hours()/24) }

// Classify returns the customer's profile at now under cfg (the zero Config
// is the default rule set). It returns an error wrapping [ErrInvalidHistory]
// when the history is wrong (see [History.Validate]) and one wrapping
// [ErrInvalidConfig] when cfg is; an empty or short history is not an error:
// its types are unknown or unclassified, with the reason.
//
// # Behaviour
//
// The rules follow Singh (1990), "A typology of consumer dissatisfaction
// response styles" (passives, voicers, irates, activists), and Reynolds &
// Harris (2005), "When service failure is not service failure: an exploration
// of the forms and motives of 'illegitimate' customer complaining". Only
// contacts and surveys within cfg.Window before now count. The first rule that
// holds wins:
//
//  1. Abusive (Reynolds & Harris's illegitimate complainer): at least
//     AbusiveMinUnfounded complaints found unfounded, making at least
//     AbusiveUnfoundedShare of the checked complaints.
//  2. ChronicComplainer (never satisfied): at least ChronicMinComplaints
//     complaints, at least ChronicComplaintsPerPurchase complaints per
//     purchase in the window, and a mean satisfaction after resolution of at
//     most ChronicMaxSatisfaction (if any was asked).
//  3. Aggressive (Singh's irate): at least AggressiveShare of the complaints
//     hostile or asking for escalation.
//  4. ReasonableVoicer (Singh's voicer): any other complainer.
//  5. Submissive (Singh's passive): no complaint, but a mean survey rating of
//     at most SubmissiveMaxRating: annoyed, yet silent.
//  6. Otherwise BehaviourUnclassified.
//
// # Relationship
//
// Over all purchases, with gaps measured in days between consecutive
// purchases; fewer than MinPurchases purchases leave it unknown. First match:
//
//  1. Loyal, the seeds' definition ("permanente en el tiempo, tiene la
//     intención de comprar, nos recomienda"): tenure ≥ LoyalMinTenure, at
//     least LoyalMinPurchases purchases, gap CV ≤ LoyalMaxGapCV, last purchase
//     within LoyalMaxLapse mean gaps, and the latest survey says the customer
//     intends to buy and would recommend.
//  2. DependentPurchase: tied purchases ≥ DependentShare.
//  3. PromotionSeeker: purchases on promotion ≥ PromotionShare.
//  4. Economist: budget-tier purchases ≥ EconomistShare of those with a tier.
//  5. Erratic: gap CV ≥ ErraticGapCV.
//  6. Otherwise unknown.
//
// # Profitability
//
// The margin of the purchases in the window: ≤ 0 is NotProfitable (with no
// purchase at all it is unknown); a positive margin is graded by cfg.Bands
// (see [Bands]) or left unknown without them.
//
// # Personality and motivation
//
// Personality is the one agents noted most often (ties: the most recently
// noted); its confidence is its share of the notes. Motivation is taken the
// same way from the notes; without notes it is inferred from purchases:
// promotion or budget-tier purchases are rational signals, premium-tier
// purchases not on promotion affective ones, and a share of at least
// MotivationShare decides.
func Classify(h History, now time.Time, cfg Config) (Profile, error) {
	if err := cfg.Validate(); err != nil {
		return Profile{}, err
	}
	if err := h.Validate(now); err != nil {
		return Profile{}, err
	}
	cfg = cfg.withDefaults()
	p := Profile{Customer: h.Customer}
	from := now.Add(-cfg.Window)
	inWindow := func(t time.Time) bool { return !t.Before(from) }

	margin, purchasesInWindow, err := windowMargin(h.Purchases, inWindow)
	if err != nil {
		return Profile{}, err
	}
	p.Margin = margin
	p.Behaviour = classifyBehaviour(&h, cfg, inWindow, purchasesInWindow)
	p.Personality = classifyPersonality(h.Observations)
	p.Relationship = classifyRelationship(&h, cfg, now)
	p.Profitability, err = classifyProfitability(len(h.Purchases), purchasesInWindow, margin, cfg)
	if err != nil {
		return Profile{}, err
	}
	p.Motivation = classifyMotivation(&h, cfg)
	return p, nil
}

func windowMargin(ps []Purchase, inWindow func(time.Time) bool) (servuction.Money, int, error) {
	var total servuction.Money
	n := 0
	for _, pu := range ps {
		if !inWindow(pu.At) {
			continue
		}
		n++
		var err error
		if total, err = total.Add(pu.Margin); err != nil {
			return servuction.Money{}, 0, fmt.Errorf("typology: margins: %v: %w", err, ErrInvalidHistory)
		}
	}
	return total, n, nil
}

func classifyBehaviour(h *History, cfg Config, inWindow func(time.Time) bool, purchases int) Classification[Behaviour] {
	var c Classification[Behaviour]
	if h.IsEmpty() {
		c.Reasons = []Reason{{"behaviour.empty", "empty history: no purchase, contact, survey or observation"}}
		return c
	}
	var complaints, founded, unfounded, harsh, satN, satSum int
	for _, ct := range h.Contacts {
		if !ct.Complaint || !inWindow(ct.At) {
			continue
		}
		complaints++
		switch ct.Finding {
		case Founded:
			founded++
		case Unfounded:
			unfounded++
		}
		if ct.Hostile || ct.Escalation {
			harsh++
		}
		if ct.Satisfaction > 0 {
			satN++
			satSum += ct.Satisfaction
		}
	}
	window := formatDuration(cfg.Window)
	checked := founded + unfounded
	if unfounded >= cfg.AbusiveMinUnfounded && checked > 0 {
		share := float64(unfounded) / float64(checked)
		if share >= cfg.AbusiveUnfoundedShare {
			c.Type, c.Confidence = Abusive, share*evidence(unfounded)
			c.Reasons = append(c.Reasons, Reason{"behaviour.abusive", fmt.Sprintf(
				"%d of %d checked complaints in %s unfounded (%s ≥ %s, at least %d): invented faults or mistreatment (Reynolds & Harris 2005)",
				unfounded, checked, window, pct(share), pct(cfg.AbusiveUnfoundedShare), cfg.AbusiveMinUnfounded)})
			return c
		}
	}
	if complaints >= cfg.ChronicMinComplaints {
		rate := float64(complaints) / float64(max(purchases, 1))
		meanSat := math.NaN()
		if satN > 0 {
			meanSat = float64(satSum) / float64(satN)
		}
		if rate >= cfg.ChronicComplaintsPerPurchase && (satN == 0 || meanSat <= cfg.ChronicMaxSatisfaction) {
			c.Type, c.Confidence = ChronicComplainer, evidence(complaints)
			sat := "satisfaction after resolution never asked"
			if satN > 0 {
				sat = fmt.Sprintf("mean satisfaction after resolution %.1f ≤ %.1f (n = %d)", meanSat, cfg.ChronicMaxSatisfaction, satN)
			} else {
				c.Confidence *= 0.75
			}
			c.Reasons = append(c.Reasons, Reason{"behaviour.chronic", fmt.Sprintf(
				"%d complaints in %s (≥ %d) for %d purchases (%.2f per purchase ≥ %.2f); %s",
				complaints, window, cfg.ChronicMinComplaints, purchases, rate, cfg.ChronicComplaintsPerPurchase, sat)})
			return c
		}
	}
	if complaints > 0 {
		share := float64(harsh) / float64(complaints)
		if share >= cfg.AggressiveShare {
			c.Type, c.Confidence = Aggressive, share*evidence(complaints)
			c.Reasons = append(c.Reasons, Reason{"behaviour.aggressive", fmt.Sprintf(
				"%d of %d complaints in %s hostile or asking for escalation (%s ≥ %s) (Singh 1990: irate)",
				harsh, complaints, window, pct(share), pct(cfg.AggressiveShare))})
			return c
		}
		good := float64(complaints-unfounded) / float64(complaints)
		c.Type, c.Confidence = ReasonableVoicer, good*evidence(complaints)
		c.Reasons = append(c.Reasons, Reason{"behaviour.voicer", fmt.Sprintf(
			"%d complaints in %s, %d founded, %d unfounded, %d hostile or escalated (%s < %s): complains when there is cause (Singh 1990: voicer)",
			complaints, window, founded, unfounded, harsh, pct(share), pct(cfg.AggressiveShare))})
		return c
	}
	var rated, ratingSum int
	for _, s := range h.Surveys {
		if s.Rating > 0 && inWindow(s.At) {
			rated++
			ratingSum += s.Rating
		}
	}
	if rated > 0 {
		mean := float64(ratingSum) / float64(rated)
		if mean <= cfg.SubmissiveMaxRating {
			c.Type, c.Confidence = Submissive, evidence(rated)
			c.Reasons = append(c.Reasons, Reason{"behaviour.submissive", fmt.Sprintf(
				"no complaint in %s but mean survey rating %.1f ≤ %.1f (n = %d): annoyed but silent (Singh 1990: passive)",
				window, mean, cfg.SubmissiveMaxRating, rated)})
			return c
		}
		c.Reasons = append(c.Reasons, Reason{"behaviour.none", fmt.Sprintf(
			"no complaint in %s and mean survey rating %.1f > %.1f (n = %d): no sign of dissatisfaction",
			window, mean, cfg.SubmissiveMaxRating, rated)})
		return c
	}
	c.Reasons = append(c.Reasons, Reason{"behaviour.none", fmt.Sprintf(
		"no complaint and no rated survey in %s: nothing to classify", window)})
	return c
}

// modeOf returns the most frequent non-zero value of xs (ties: the one whose
// latest instant is latest, then the smaller value), its count and the number
// of non-zero values.
func modeOf[T ~uint8](xs []T, at []time.Time) (best T, count, total int) {
	var counts [256]int
	var last [256]time.Time
	for i, x := range xs {
		if x == 0 {
			continue
		}
		total++
		counts[x]++
		if at[i].After(last[x]) {
			last[x] = at[i]
		}
	}
	for v := 1; v < 256; v++ {
		if counts[v] == 0 {
			continue
		}
		if counts[v] > count || (counts[v] == count && last[v].After(last[best])) {
			best, count = T(v), counts[v]
		}
	}
	return best, count, total
}

func classifyPersonality(obs []Observation) Classification[Personality] {
	var c Classification[Personality]
	xs := make([]Personality, len(obs))
	at := make([]time.Time, len(obs))
	for i, o := range obs {
		xs[i], at[i] = o.Personality, o.At
	}
	best, n, total := modeOf(xs, at)
	if total == 0 {
		c.Reasons = []Reason{{"personality.none", "no agent has noted the customer's personality"}}
		return c
	}
	c.Type, c.Confidence = best, float64(n)/float64(total)
	c.Reasons = []Reason{{"personality.observed", fmt.Sprintf("noted %s in %d of %d agent observations", best, n, total)}}
	return c
}

func classifyMotivation(h *History, cfg Config) Classification[Motivation] {
	var c Classification[Motivation]
	xs := make([]Motivation, len(h.Observations))
	at := make([]time.Time, len(h.Observations))
	for i, o := range h.Observations {
		xs[i], at[i] = o.Motivation, o.At
	}
	if best, n, total := modeOf(xs, at); total > 0 {
		c.Type, c.Confidence = best, float64(n)/float64(total)
		c.Reasons = []Reason{{"motivation.observed", fmt.Sprintf("noted %s in %d of %d agent observations", best, n, total)}}
		return c
	}
	var rational, affective int
	for _, pu := range h.Purchases {
		switch {
		case pu.Promotion || pu.Tier == TierBudget:
			rational++
		case pu.Tier == TierPremium:
			affective++
		}
	}
	signals := rational + affective
	if signals == 0 {
		c.Reasons = []Reason{{"motivation.none", "not noted by agents and no promotion, budget or premium purchase to infer it from"}}
		return c
	}
	rs := float64(rational) / float64(signals)
	detail := fmt.Sprintf("%d rational signals (promotion or budget tier) and %d affective (premium tier, full price)", rational, affective)
	switch {
	case rs >= cfg.MotivationShare:
		c.Type, c.Confidence = Rational, rs*evidence(signals)
		c.Reasons = []Reason{{"motivation.inferred", fmt.Sprintf("%s: %s rational ≥ %s", detail, pct(rs), pct(cfg.MotivationShare))}}
	case 1-rs >= cfg.MotivationShare:
		c.Type, c.Confidence = Affective, (1-rs)*evidence(signals)
		c.Reasons = []Reason{{"motivation.inferred", fmt.Sprintf("%s: %s affective ≥ %s", detail, pct(1-rs), pct(cfg.MotivationShare))}}
	default:
		c.Reasons = []Reason{{"motivation.mixed", fmt.Sprintf("%s: neither reaches %s", detail, pct(cfg.MotivationShare))}}
	}
	return c
}

func classifyProfitability(all, inWindow int, margin servuction.Money, cfg Config) (Classification[Profitability], error) {
	var c Classification[Profitability]
	window := formatDuration(cfg.Window)
	if all == 0 {
		c.Reasons = []Reason{{"profitability.none", "no purchase: no contribution to grade"}}
		return c, nil
	}
	if margin.Sign() <= 0 {
		c.Type, c.Confidence = NotProfitable, 1
		c.Reasons = []Reason{{"profitability.nonpositive", fmt.Sprintf("margin %s over %d purchases in %s ≤ 0", margin, inWindow, window)}}
		return c, nil
	}
	if cfg.Bands.IsZero() {
		c.Reasons = []Reason{{"profitability.ungraded", fmt.Sprintf(
			"margin %s in %s is positive; set Config.Bands (e.g. from ABC) to grade it", margin, window)}}
		return c, nil
	}
	if margin.Currency != cfg.Bands.Profitable.Currency && margin.Currency != "" {
		return c, fmt.Errorf("typology: margin %s and bands in %q: %w", margin, cfg.Bands.Profitable.Currency, ErrInvalidHistory)
	}
	b := cfg.Bands
	c.Confidence = 1
	switch {
	case !margin.Amount.LessThan(b.VeryProfitable.Amount):
		c.Type = VeryProfitable
		c.Reasons = []Reason{{"profitability.band", fmt.Sprintf("margin %s in %s ≥ %s", margin, window, b.VeryProfitable)}}
	case !margin.Amount.LessThan(b.Profitable.Amount):
		c.Type = Profitable
		c.Reasons = []Reason{{"profitability.band", fmt.Sprintf("margin %s in %s ≥ %s and < %s", margin, window, b.Profitable, b.VeryProfitable)}}
	default:
		c.Type = LittleProfitable
		c.Reasons = []Reason{{"profitability.band", fmt.Sprintf("margin %s in %s > 0 and < %s", margin, window, b.Profitable)}}
	}
	return c, nil
}

// gapStats returns the mean and coefficient of variation (population standard
// deviation / mean) of the days between consecutive instants of sorted ts;
// a zero mean gives CV 0.
func gapStats(ts []time.Time) (mean, cv float64) {
	n := len(ts) - 1
	if n < 1 {
		return 0, 0
	}
	var sum, sumSq float64
	for i := 1; i < len(ts); i++ {
		g := ts[i].Sub(ts[i-1]).Hours() / 24
		sum += g
		sumSq += g * g
	}
	mean = sum / float64(n)
	if mean <= 0 {
		return 0, 0
	}
	variance := max(sumSq/float64(n)-mean*mean, 0)
	return mean, math.Sqrt(variance) / mean
}

func classifyRelationship(h *History, cfg Config, now time.Time) Classification[Relationship] {
	var c Classification[Relationship]
	n := len(h.Purchases)
	if n < cfg.MinPurchases {
		c.Reasons = []Reason{{"relationship.few", fmt.Sprintf("%d purchases < %d: too few to tell", n, cfg.MinPurchases)}}
		return c
	}
	ts := make([]time.Time, n)
	var tied, promo, budget, tiered int
	for i, pu := range h.Purchases {
		ts[i] = pu.At
		if pu.Tied {
			tied++
		}
		if pu.Promotion {
			promo++
		}
		if pu.Tier != TierUnknown {
			tiered++
			if pu.Tier == TierBudget {
				budget++
			}
		}
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	meanGap, cv := gapStats(ts)
	tenure := now.Sub(ts[0])
	lapse := now.Sub(ts[n-1])

	// Loyal: every condition, each reported.
	var met, failed []string
	check := func(ok bool, s string) {
		if ok {
			met = append(met, s)
		} else {
			failed = append(failed, s)
		}
	}
	check(tenure >= cfg.LoyalMinTenure, fmt.Sprintf("tenure %s vs %s", days(tenure), days(cfg.LoyalMinTenure)))
	check(n >= cfg.LoyalMinPurchases, fmt.Sprintf("%d purchases vs %d", n, cfg.LoyalMinPurchases))
	check(cv <= cfg.LoyalMaxGapCV && meanGap > 0, fmt.Sprintf("gap CV %.2f vs ≤ %.2f (mean gap %.0f d)", cv, cfg.LoyalMaxGapCV, meanGap))
	lapseDays := lapse.Hours() / 24
	check(meanGap > 0 && lapseDays <= cfg.LoyalMaxLapse*meanGap, fmt.Sprintf("last purchase %.0f d ago vs ≤ %.1f mean gaps (%.0f d)", lapseDays, cfg.LoyalMaxLapse, cfg.LoyalMaxLapse*meanGap))
	var latest *Survey
	for i := range h.Surveys {
		if latest == nil || h.Surveys[i].At.After(latest.At) {
			latest = &h.Surveys[i]
		}
	}
	switch {
	case latest == nil:
		check(false, "no survey of intent to buy and recommend")
	default:
		check(latest.IntendsToBuy && latest.WouldRecommend, fmt.Sprintf(
			"latest survey (%s): intends to buy %t, would recommend %t", latest.At.Format(time.DateOnly), latest.IntendsToBuy, latest.WouldRecommend))
	}
	if len(failed) == 0 {
		c.Type, c.Confidence = Loyal, evidence(n)
		c.Reasons = []Reason{{"relationship.loyal", strings.Join(met, "; ")}}
		return c
	}
	notLoyal := Reason{"relationship.not-loyal", "fails " + strings.Join(failed, "; ")}

	share := func(k, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(k) / float64(of)
	}
	pick := func(t Relationship, conf float64, rule, detail string) Classification[Relationship] {
		return Classification[Relationship]{Type: t, Confidence: conf, Reasons: []Reason{{rule, detail}, notLoyal}}
	}
	if s := share(tied, n); s >= cfg.DependentShare {
		return pick(DependentPurchase, s*evidence(n), "relationship.dependent",
			fmt.Sprintf("%d of %d purchases tied to another product or obligation (%s ≥ %s)", tied, n, pct(s), pct(cfg.DependentShare)))
	}
	if s := share(promo, n); s >= cfg.PromotionShare {
		return pick(PromotionSeeker, s*evidence(n), "relationship.promotions",
			fmt.Sprintf("%d of %d purchases on promotion (%s ≥ %s)", promo, n, pct(s), pct(cfg.PromotionShare)))
	}
	if s := share(budget, tiered); tiered > 0 && s >= cfg.EconomistShare {
		return pick(Economist, s*evidence(tiered), "relationship.economist",
			fmt.Sprintf("%d of %d purchases with a known tier at the budget tier (%s ≥ %s)", budget, tiered, pct(s), pct(cfg.EconomistShare)))
	}
	if cv >= cfg.ErraticGapCV {
		return pick(Erratic, min(1, cv/(2*cfg.ErraticGapCV))*evidence(n), "relationship.erratic",
			fmt.Sprintf("gap CV %.2f ≥ %.2f over %d purchases (mean gap %.0f d): no buying pattern", cv, cfg.ErraticGapCV, n, meanGap))
	}
	c.Reasons = []Reason{{"relationship.none", fmt.Sprintf(
		"%d purchases, %s tied, %s on promotion, %s budget tier, gap CV %.2f: no rule applies",
		n, pct(share(tied, n)), pct(share(promo, n)), pct(share(budget, tiered)), cv)}, notLoyal}
	return c
}
