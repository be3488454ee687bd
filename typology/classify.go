package typology

import (
	"fmt"
	"math"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

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
	cfg = cfg.withDefaults()
	from := now.Add(-cfg.Window)
	// One pass over the purchases checks them and gathers what the rules
	// need; only a history found wrong goes through Validate, for its
	// errors.
	scan := scanPurchases(h.Purchases, now, from)
	if !scan.valid || !h.restValid(now) {
		if err := h.Validate(now); err != nil {
			return Profile{}, err
		}
	}
	margin, err := scan.margin.result(h.Purchases, from)
	if err != nil {
		return Profile{}, err
	}
	purchasesInWindow := scan.inWindow
	p := Profile{Customer: h.Customer, Margin: margin}
	var e explainer
	e.window = cfg.Window
	var marks [6]int
	p.Behaviour.Type, p.Behaviour.Confidence = classifyBehaviour(&e, &h, &cfg, from, purchasesInWindow)
	marks[1] = e.mark()
	p.Personality.Type, p.Personality.Confidence = classifyPersonality(&e, h.Observations)
	marks[2] = e.mark()
	p.Relationship.Type, p.Relationship.Confidence = classifyRelationship(&e, &h, &cfg, now, &scan)
	marks[3] = e.mark()
	p.Profitability.Type, p.Profitability.Confidence, err = classifyProfitability(&e, len(h.Purchases), purchasesInWindow, margin, &cfg)
	if err != nil {
		return Profile{}, err
	}
	marks[4] = e.mark()
	p.Motivation.Type, p.Motivation.Confidence = classifyMotivation(&e, &h, &cfg, &scan)
	marks[5] = e.mark()
	all := e.finish()
	// Each classification gets its own part of one array, capped so that an
	// append by the caller cannot spill into the next.
	part := func(k int) []Reason { return all[marks[k]:marks[k+1]:marks[k+1]] }
	p.Behaviour.Reasons, p.Personality.Reasons, p.Relationship.Reasons = part(0), part(1), part(2)
	p.Profitability.Reasons, p.Motivation.Reasons = part(3), part(4)
	return p, nil
}

// coefficientLimits[e+6] is ±10¹⁵ at exponent e, for e in −6…6, so that
// comparing an amount with them compares coefficients without rescaling
// (and without allocating).
var coefficientLimits = func() (l [13][2]decimal.Decimal) {
	for e := -6; e <= 6; e++ {
		l[e+6] = [2]decimal.Decimal{decimal.New(-1e15, int32(e)), decimal.New(1e15, int32(e))}
	}
	return l
}()

// smallCoefficient reports whether the coefficient of d, of sign sign,
// has at most 15 digits.
func smallCoefficient(d decimal.Decimal, sign int) bool {
	if e := d.Exponent(); e >= -6 && e <= 6 {
		if sign < 0 {
			return d.Cmp(coefficientLimits[e+6][0]) > 0
		}
		return d.Cmp(coefficientLimits[e+6][1]) < 0
	}
	return d.NumDigits() <= 15
}

// marginSum adds margins as int64 coefficients at their smallest exponent
// while they fit (15 digits each, the sum in int64), and falls back to
// decimal addition otherwise; it also checks that the margins share one
// currency.
type marginSum struct {
	currency string
	bare     bool  // a non-zero margin without currency was added
	exp      int32 // exponent of sum; MaxInt32 while nothing added
	sum      int64
	slow     bool // the int64 sum no longer holds: add decimals
	mixed    string
}

func newMarginSum() marginSum { return marginSum{exp: math.MaxInt32} }

// add adds one margin.
func (s *marginSum) add(m *servuction.Money) {
	if m.Currency != "" && !sameCurrency(m.Currency, s.currency) {
		if s.currency != "" {
			s.mixed = m.Currency
		} else {
			s.currency = m.Currency
		}
	}
	sign := m.Amount.Sign()
	if sign == 0 {
		return
	}
	s.bare = s.bare || m.Currency == ""
	if s.slow {
		return
	}
	if !smallCoefficient(m.Amount, sign) {
		s.slow = true
		return
	}
	c, e := m.Amount.CoefficientInt64(), m.Amount.Exponent()
	switch {
	case s.exp == math.MaxInt32:
		s.exp = e
	case e < s.exp: // rescale the sum down to e
		for ; s.exp > e && !s.slow; s.exp-- {
			s.slow = s.sum <= math.MinInt64/10 || s.sum >= math.MaxInt64/10
			s.sum *= 10
		}
	}
	for k := e; k > s.exp && !s.slow; k-- {
		s.slow = c <= math.MinInt64/10 || c >= math.MaxInt64/10
		c *= 10
	}
	if (c > 0 && s.sum > math.MaxInt64-c) || (c < 0 && s.sum < math.MinInt64-c) {
		s.slow = true
	}
	s.sum += c
}

// result returns the total; when the int64 sum did not hold it adds the
// margins of ps at or after from as decimals.
func (s *marginSum) result(ps []Purchase, from time.Time) (servuction.Money, error) {
	if s.mixed != "" {
		return servuction.Money{}, fmt.Errorf("typology: margins: %s and %s: %w", s.currency, s.mixed, ErrInvalidHistory)
	}
	if s.bare && s.currency != "" {
		return servuction.Money{}, fmt.Errorf("typology: margins: amounts with and without currency %s: %w", s.currency, ErrInvalidHistory)
	}
	if !s.slow {
		if s.exp == math.MaxInt32 {
			return servuction.Money{Currency: s.currency}, nil
		}
		return servuction.Money{Amount: decimal.New(s.sum, s.exp), Currency: s.currency}, nil
	}
	total := servuction.Money{Currency: s.currency}
	for i := range ps {
		if !ps[i].At.Before(from) {
			total.Amount = total.Amount.Add(ps[i].Margin.Amount)
		}
	}
	return total, nil
}

// windowMargin returns the total margin of the purchases at or after from,
// and their number.
func windowMargin(ps []Purchase, from time.Time) (servuction.Money, int, error) {
	s := newMarginSum()
	n := 0
	for i := range ps {
		if !ps[i].At.Before(from) {
			n++
			s.add(&ps[i].Margin)
		}
	}
	m, err := s.result(ps, from)
	return m, n, err
}

// behaviourCounts are the figures of the behaviour rules.
type behaviourCounts struct {
	complaints, founded, unfounded, harsh, satN, satSum int
}

func countComplaints(h *History, from time.Time) behaviourCounts {
	var b behaviourCounts
	for i := range h.Contacts {
		ct := &h.Contacts[i]
		if !ct.Complaint || ct.At.Before(from) {
			continue
		}
		b.complaints++
		switch ct.Finding {
		case Founded:
			b.founded++
		case Unfounded:
			b.unfounded++
		}
		if ct.Hostile || ct.Escalation {
			b.harsh++
		}
		if ct.Satisfaction > 0 {
			b.satN++
			b.satSum += ct.Satisfaction
		}
	}
	return b
}

func classifyBehaviour(e *explainer, h *History, cfg *Config, from time.Time, purchases int) (Behaviour, float64) {
	if h.IsEmpty() {
		e.text("behaviour.empty", "empty history: no purchase, contact, survey or observation",
			"historial vacío: sin compras, contactos, encuestas ni observaciones")
		return BehaviourUnclassified, 0
	}
	b := countComplaints(h, from)
	window := e.window // written with e.dur
	if checked := b.founded + b.unfounded; b.unfounded >= cfg.AbusiveMinUnfounded && checked > 0 {
		share := float64(b.unfounded) / float64(checked)
		if share >= cfg.AbusiveUnfoundedShare {
			for l := English; l <= Spanish; l++ {
				if l == English {
					e.begin("behaviour.abusive")
				} else {
					e.es()
				}
				e.i(b.unfounded)
				e.s(tr(l, " of ", " de "))
				e.i(checked)
				e.s(tr(l, " checked complaints in ", " quejas verificadas en "))
				e.dur(window)
				e.s(tr(l, " unfounded (", " infundadas ("))
				e.pct(share)
				e.s(" ≥ ")
				e.pct(cfg.AbusiveUnfoundedShare)
				e.s(tr(l, ", at least ", ", al menos "))
				e.i(cfg.AbusiveMinUnfounded)
				e.s(tr(l, "): invented faults or mistreatment (Reynolds & Harris 2005)", "): inventa fallos o malos tratos (Reynolds y Harris 2005)"))
			}
			e.end()
			return Abusive, share * evidence(b.unfounded)
		}
	}
	if b.complaints >= cfg.ChronicMinComplaints {
		if t, conf, ok := chronic(e, b, cfg, window, purchases); ok {
			return t, conf
		}
	}
	if b.complaints > 0 {
		return complainer(e, b, cfg, window)
	}
	return silent(e, h, cfg, from, window)
}

// tr picks the English or the Spanish text.
func tr(l Language, en, es string) string {
	if l == Spanish {
		return es
	}
	return en
}

// chronic applies the chronic-complainer rule.
func chronic(e *explainer, b behaviourCounts, cfg *Config, window time.Duration, purchases int) (Behaviour, float64, bool) {
	rate := float64(b.complaints) / float64(max(purchases, 1))
	meanSat := math.NaN()
	if b.satN > 0 {
		meanSat = float64(b.satSum) / float64(b.satN)
	}
	if rate < cfg.ChronicComplaintsPerPurchase || (b.satN > 0 && meanSat > cfg.ChronicMaxSatisfaction) {
		return 0, 0, false
	}
	conf := evidence(b.complaints)
	if b.satN == 0 {
		conf *= 0.75
	}
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin("behaviour.chronic")
		} else {
			e.es()
		}
		e.i(b.complaints)
		e.s(tr(l, " complaints in ", " quejas en "))
		e.dur(window)
		e.s(" (≥ ")
		e.i(cfg.ChronicMinComplaints)
		e.s(tr(l, ") for ", ") para "))
		e.i(purchases)
		e.s(tr(l, " purchases (", " compras ("))
		e.f(rate, 2)
		e.s(tr(l, " per purchase ≥ ", " por compra ≥ "))
		e.f(cfg.ChronicComplaintsPerPurchase, 2)
		e.s("); ")
		if b.satN > 0 {
			e.s(tr(l, "mean satisfaction after resolution ", "satisfacción media tras la resolución "))
			e.f(meanSat, 1)
			e.s(" ≤ ")
			e.f(cfg.ChronicMaxSatisfaction, 1)
			e.s(" (n = ")
			e.i(b.satN)
			e.s(")")
		} else {
			e.s(tr(l, "satisfaction after resolution never asked", "nunca se preguntó la satisfacción tras la resolución"))
		}
	}
	e.end()
	return ChronicComplainer, conf, true
}

// complainer applies the aggressive and reasonable-voicer rules.
func complainer(e *explainer, b behaviourCounts, cfg *Config, window time.Duration) (Behaviour, float64) {
	share := float64(b.harsh) / float64(b.complaints)
	if share >= cfg.AggressiveShare {
		for l := English; l <= Spanish; l++ {
			if l == English {
				e.begin("behaviour.aggressive")
			} else {
				e.es()
			}
			e.i(b.harsh)
			e.s(tr(l, " of ", " de "))
			e.i(b.complaints)
			e.s(tr(l, " complaints in ", " quejas en "))
			e.dur(window)
			e.s(tr(l, " hostile or asking for escalation (", " hostiles o pidiendo escalar ("))
			e.pct(share)
			e.s(" ≥ ")
			e.pct(cfg.AggressiveShare)
			e.s(tr(l, ") (Singh 1990: irate)", ") (Singh 1990: airado)"))
		}
		e.end()
		return Aggressive, share * evidence(b.complaints)
	}
	good := float64(b.complaints-b.unfounded) / float64(b.complaints)
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin("behaviour.voicer")
		} else {
			e.es()
		}
		e.i(b.complaints)
		e.s(tr(l, " complaints in ", " quejas en "))
		e.dur(window)
		e.s(", ")
		e.i(b.founded)
		e.s(tr(l, " founded, ", " fundadas, "))
		e.i(b.unfounded)
		e.s(tr(l, " unfounded, ", " infundadas, "))
		e.i(b.harsh)
		e.s(tr(l, " hostile or escalated (", " hostiles o escaladas ("))
		e.pct(share)
		e.s(" < ")
		e.pct(cfg.AggressiveShare)
		e.s(tr(l, "): complains when there is cause (Singh 1990: voicer)", "): reclama cuando hay motivo (Singh 1990: reclamante)"))
	}
	e.end()
	return ReasonableVoicer, good * evidence(b.complaints)
}

// silent applies the rules for a customer without complaints: submissive
// when the surveys say annoyed, otherwise unclassified.
func silent(e *explainer, h *History, cfg *Config, from time.Time, window time.Duration) (Behaviour, float64) {
	var rated, ratingSum int
	for i := range h.Surveys {
		if s := &h.Surveys[i]; s.Rating > 0 && !s.At.Before(from) {
			rated++
			ratingSum += s.Rating
		}
	}
	if rated == 0 {
		e.begin("behaviour.none")
		e.s("no complaint and no rated survey in ")
		e.dur(window)
		e.s(": nothing to classify")
		e.es()
		e.s("ninguna queja ni encuesta valorada en ")
		e.dur(window)
		e.s(": nada que clasificar")
		e.end()
		return BehaviourUnclassified, 0
	}
	mean := float64(ratingSum) / float64(rated)
	submissive := mean <= cfg.SubmissiveMaxRating
	rule, cmp, but := "behaviour.none", " > ", [2]string{" and mean survey rating ", " y valoración media en encuestas "}
	tail := [2]string{"): no sign of dissatisfaction", "): sin señales de insatisfacción"}
	if submissive {
		rule, cmp, but = "behaviour.submissive", " ≤ ", [2]string{" but mean survey rating ", " pero valoración media en encuestas "}
		tail = [2]string{"): annoyed but silent (Singh 1990: passive)", "): molesto pero callado (Singh 1990: pasivo)"}
	}
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin(rule)
		} else {
			e.es()
		}
		e.s(tr(l, "no complaint in ", "ninguna queja en "))
		e.dur(window)
		e.s(but[l])
		e.f(mean, 1)
		e.s(cmp)
		e.f(cfg.SubmissiveMaxRating, 1)
		e.s(" (n = ")
		e.i(rated)
		e.s(tail[l])
	}
	e.end()
	if submissive {
		return Submissive, evidence(rated)
	}
	return BehaviourUnclassified, 0
}

// modeOf returns the most frequent non-zero value of the n values that get
// yields (ties: the one whose latest instant is latest, then the smaller
// value), its count and the number of non-zero values.
func modeOf[T ~uint8](n int, get func(i int) (T, time.Time)) (best T, count, total int) {
	const size = 16 // more than any enum it is used for has values
	var counts [size]int
	var last [size]time.Time
	for i := 0; i < n; i++ {
		x, at := get(i)
		if x == 0 || x >= size { // ≥ size: undefined, refused by Validate
			continue
		}
		total++
		counts[x]++
		if at.After(last[x]) {
			last[x] = at
		}
	}
	for v := 1; v < size; v++ {
		if counts[v] == 0 {
			continue
		}
		if counts[v] > count || (counts[v] == count && last[v].After(last[best])) {
			best, count = T(v), counts[v]
		}
	}
	return best, count, total
}

// observed writes the reason of a type noted by agents: "noted X in n of
// total agent observations".
func observed(e *explainer, rule, en, es string, n, total int) {
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin(rule)
			e.s("noted ")
			e.s(en)
			e.s(" in ")
		} else {
			e.es()
			e.s("los asesores anotaron ")
			e.s(es)
			e.s(" en ")
		}
		e.i(n)
		e.s(tr(l, " of ", " de "))
		e.i(total)
		e.s(tr(l, " agent observations", " observaciones"))
	}
	e.end()
}

func classifyPersonality(e *explainer, obs []Observation) (Personality, float64) {
	best, n, total := modeOf(len(obs), func(i int) (Personality, time.Time) { return obs[i].Personality, obs[i].At })
	if total == 0 {
		e.text("personality.none", "no agent has noted the customer's personality", "ningún asesor ha anotado la personalidad del cliente")
		return PersonalityUnknown, 0
	}
	observed(e, "personality.observed", best.String(), personalityES[best], n, total)
	return best, float64(n) / float64(total)
}

func classifyMotivation(e *explainer, h *History, cfg *Config, scan *purchaseScan) (Motivation, float64) {
	obs := h.Observations
	if best, n, total := modeOf(len(obs), func(i int) (Motivation, time.Time) { return obs[i].Motivation, obs[i].At }); total > 0 {
		observed(e, "motivation.observed", best.String(), motivationES[best], n, total)
		return best, float64(n) / float64(total)
	}
	rational, affective := scan.rational, scan.affective
	signals := rational + affective
	if signals == 0 {
		e.text("motivation.none", "not noted by agents and no promotion, budget or premium purchase to infer it from",
			"no anotada por los asesores y sin compras en promoción, de gama económica o premium de las que inferirla")
		return MotivationUnknown, 0
	}
	rs := float64(rational) / float64(signals)
	t, conf, rule := MotivationUnknown, 0.0, "motivation.mixed"
	switch {
	case rs >= cfg.MotivationShare:
		t, conf, rule = Rational, rs*evidence(signals), "motivation.inferred"
	case 1-rs >= cfg.MotivationShare:
		t, conf, rule = Affective, (1-rs)*evidence(signals), "motivation.inferred"
	}
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin(rule)
		} else {
			e.es()
		}
		e.i(rational)
		e.s(tr(l, " rational signals (promotion or budget tier) and ", " señales racionales (promoción o gama económica) y "))
		e.i(affective)
		e.s(tr(l, " affective (premium tier, full price): ", " afectivas (gama premium, precio completo): "))
		switch t {
		case Rational:
			e.pct(rs)
			e.s(tr(l, " rational ≥ ", " racionales ≥ "))
		case Affective:
			e.pct(1 - rs)
			e.s(tr(l, " affective ≥ ", " afectivas ≥ "))
		default:
			e.s(tr(l, "neither reaches ", "ninguna llega a "))
		}
		e.pct(cfg.MotivationShare)
	}
	e.end()
	return t, conf
}

func classifyProfitability(e *explainer, all, inWindow int, margin servuction.Money, cfg *Config) (Profitability, float64, error) {
	window := e.window // written with e.dur
	if all == 0 {
		e.text("profitability.none", "no purchase: no contribution to grade", "sin compras: ninguna contribución que graduar")
		return ProfitabilityUnknown, 0, nil
	}
	if margin.Sign() <= 0 {
		for l := English; l <= Spanish; l++ {
			if l == English {
				e.begin("profitability.nonpositive")
			} else {
				e.es()
			}
			e.s(tr(l, "margin ", "margen "))
			e.money(margin)
			e.s(tr(l, " over ", " en "))
			e.i(inWindow)
			e.s(tr(l, " purchases in ", " compras en "))
			e.dur(window)
			e.s(" ≤ 0")
		}
		e.end()
		return NotProfitable, 1, nil
	}
	if cfg.Bands.IsZero() {
		for l := English; l <= Spanish; l++ {
			if l == English {
				e.begin("profitability.ungraded")
			} else {
				e.es()
			}
			e.s(tr(l, "margin ", "margen "))
			e.money(margin)
			e.s(tr(l, " in ", " en "))
			e.dur(window)
			e.s(tr(l, " is positive; set Config.Bands (e.g. from ABC) to grade it", " positivo; defina Config.Bands (p. ej. con el análisis ABC) para graduarlo"))
		}
		e.end()
		return ProfitabilityUnknown, 0, nil
	}
	if margin.Currency != cfg.Bands.Profitable.Currency && margin.Currency != "" {
		return 0, 0, fmt.Errorf("typology: margin %s and bands in %q: %w", margin, cfg.Bands.Profitable.Currency, ErrInvalidHistory)
	}
	b := cfg.Bands
	t := LittleProfitable
	switch {
	case !margin.Amount.LessThan(b.VeryProfitable.Amount):
		t = VeryProfitable
	case !margin.Amount.LessThan(b.Profitable.Amount):
		t = Profitable
	}
	for l := English; l <= Spanish; l++ {
		if l == English {
			e.begin("profitability.band")
		} else {
			e.es()
		}
		e.s(tr(l, "margin ", "margen "))
		e.money(margin)
		e.s(tr(l, " in ", " en "))
		e.dur(window)
		switch t {
		case VeryProfitable:
			e.s(" ≥ ")
			e.money(b.VeryProfitable)
		case Profitable:
			e.s(" ≥ ")
			e.money(b.Profitable)
			e.s(tr(l, " and < ", " y < "))
			e.money(b.VeryProfitable)
		default:
			e.s(tr(l, " > 0 and < ", " > 0 y < "))
			e.money(b.Profitable)
		}
	}
	e.end()
	return t, 1, nil
}
