package main

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// The sample month: March 2026 at a call centre in Bogotá (America/Bogota,
// UTC−5 all year). The data are simulated with a fixed seed, so every run
// prints the same report; they stand in for what the centre's systems
// (ticketing, surveys, IVR and CRM logs, complaint desk) would export.

// seed makes the simulation reproducible: change it to see another month.
const seed = 20260301

// month is the first and the last instant of the simulated month.
var (
	bogota     = time.FixedZone("COT", -5*3600) // Colombia time: UTC−5, no daylight saving since 1993
	monthStart = time.Date(2026, 3, 1, 0, 0, 0, 0, bogota)
	monthEnd   = time.Date(2026, 4, 1, 0, 0, 0, 0, bogota)
)

func newRand(stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }

// expMinutes draws an exponential duration with the given mean.
func expMinutes(r *rand.Rand, mean float64) time.Duration {
	return time.Duration(r.ExpFloat64() * mean * float64(time.Minute))
}

// ticketPlan is one simulated ticket as plain data: when it was opened, when
// an agent first replied, when it waited for the customer, when it was
// resolved (zero: still open at the end of the month).
type ticketPlan struct {
	ID       string
	Priority string // "low", "normal", "high", "urgent"
	Opened   time.Time
	Replied  time.Time
	Pause    [2]time.Time // zero: never waited
	Resolved time.Time
}

// simulateTickets draws n tickets opened during the centre's opening hours
// (Monday to Friday 08:00–18:00, Saturday 08:00–13:00). Replies and
// resolutions take exponential times whose means grow as the priority
// falls; the third week is short-staffed, so its tickets wait longer.
func simulateTickets(n int) []ticketPlan {
	r := newRand(1)
	prios := []string{"low", "normal", "normal", "normal", "high", "high", "urgent"}
	replyMean := map[string]float64{"low": 200, "normal": 110, "high": 35, "urgent": 9}
	resolveMean := map[string]float64{"low": 1500, "normal": 900, "high": 420, "urgent": 160}
	var ts []ticketPlan
	for len(ts) < n {
		day := monthStart.AddDate(0, 0, r.IntN(31))
		open, close := 8, 18
		switch day.Weekday() {
		case time.Sunday:
			continue
		case time.Saturday:
			close = 13
		}
		opened := day.Add(time.Duration(open)*time.Hour + time.Duration(r.IntN((close-open)*60))*time.Minute)
		p := prios[r.IntN(len(prios))]
		slow := 1.0
		if d := day.Day(); d >= 15 && d <= 21 {
			slow = 1.8 // the short-staffed week
		}
		t := ticketPlan{ID: "T-" + strconv.Itoa(1000+len(ts)), Priority: p, Opened: opened}
		t.Replied = opened.Add(expMinutes(r, replyMean[p]*slow))
		t.Resolved = t.Replied.Add(expMinutes(r, resolveMean[p]*slow))
		if r.Float64() < 0.25 { // the agent waits for the customer
			t.Pause[0] = t.Replied.Add(expMinutes(r, 30))
			t.Pause[1] = t.Pause[0].Add(expMinutes(r, 600))
			if t.Resolved.Before(t.Pause[1]) {
				t.Resolved = t.Pause[1].Add(expMinutes(r, 60))
			}
		}
		if t.Resolved.After(monthEnd) {
			t.Resolved = time.Time{}
			if !t.Pause[0].IsZero() && t.Pause[1].After(monthEnd) {
				t.Pause = [2]time.Time{}
			}
		}
		if t.Replied.After(monthEnd) {
			continue
		}
		ts = append(ts, t)
	}
	return ts
}

// outage is one interval when the centre's phone line was down.
type outage struct{ Start, End time.Time }

// sampleOutages are the month's incidents on the phone platform.
func sampleOutages() []outage {
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, bogota) }
	return []outage{
		{at(4, 10, 5), at(4, 10, 17)},
		{at(11, 15, 40), at(11, 16, 2)},
		{at(19, 9, 0), at(19, 9, 24)},
		{at(26, 11, 30), at(26, 12, 10)},
	}
}

// clampInt limits v to [lo, hi].
func clampInt(v, lo, hi int) int { return max(lo, min(hi, v)) }

// likert draws a rating on lo..hi around mean with the given spread.
func likert(r *rand.Rand, mean, sd float64, lo, hi int) int {
	return clampInt(int(math.Round(mean+r.NormFloat64()*sd)), lo, hi)
}

// surveyPlan is one customer's answers to the 22-item SERVQUAL survey (1–7)
// and the recommendation question (0–10).
type surveyPlan struct {
	Expect, Perceive [22]int
	Recommend        int
}

// simulateSurveys draws n SERVQUAL respondents. Expectations are high
// everywhere; perceptions fall short most on reliability (items 5–9) and
// responsiveness (items 10–13), as a call centre's often do.
func simulateSurveys(n int) []surveyPlan {
	r := newRand(2)
	// Perceived mean per item, by SERVQUAL dimension.
	perceived := func(item int) float64 {
		switch {
		case item < 4:
			return 5.9 // tangibles
		case item < 9:
			return 5.0 // reliability
		case item < 13:
			return 4.9 // responsiveness
		case item < 17:
			return 5.8 // assurance
		default:
			return 5.6 // empathy
		}
	}
	out := make([]surveyPlan, n)
	for i := range out {
		mood := r.NormFloat64() * 0.6 // one respondent is happier than another
		sum := 0.0
		for it := 0; it < 22; it++ {
			out[i].Expect[it] = likert(r, 6.2, 0.7, 1, 7)
			out[i].Perceive[it] = likert(r, perceived(it)+mood, 0.9, 1, 7)
			sum += float64(out[i].Perceive[it])
		}
		out[i].Recommend = likert(r, (sum/22-1)/6*10+0.6, 1.3, 0, 10)
	}
	return out
}

// attributePlan is one attribute of the customer report card (libreta de
// calificaciones) and the mean importance and performance (1–5) the
// simulated customers rate it around.
type attributePlan struct {
	Name                    [2]string // in English and in Spanish
	Importance, Performance float64
}

// attributeRatings are n customers' ratings (1–5) of each attribute's
// importance and of our performance on it.
type attributeRatings struct {
	Attribute               attributePlan
	Importance, Performance []int
}

// simulateAttributeRatings draws n customers' report-card ratings.
func simulateAttributeRatings(n int) []attributeRatings {
	r := newRand(3)
	var out []attributeRatings
	for _, a := range sampleAttributes() {
		ar := attributeRatings{Attribute: a}
		for i := 0; i < n; i++ {
			ar.Importance = append(ar.Importance, likert(r, a.Importance, 0.7, 1, 5))
			ar.Performance = append(ar.Performance, likert(r, a.Performance, 0.8, 1, 5))
		}
		out = append(out, ar)
	}
	return out
}

// sampleAttributes are the report card's attributes, the quality
// determinants a call centre's customers rated.
func sampleAttributes() []attributePlan {
	return []attributePlan{
		{[2]string{"Speed of answer (rapidez)", "Rapidez en contestar"}, 4.7, 2.9},
		{[2]string{"First-contact resolution", "Resolución en el primer contacto"}, 4.6, 3.3},
		{[2]string{"Courtesy (cortesía)", "Cortesía"}, 4.1, 4.4},
		{[2]string{"Clear explanations", "Explicaciones claras"}, 3.9, 3.6},
		{[2]string{"Callback as promised", "Devolver la llamada como se prometió"}, 4.3, 2.6},
		{[2]string{"Opening hours", "Horario de atención"}, 2.8, 4.2},
		{[2]string{"Hold music and IVR menu", "Música de espera y menú IVR"}, 1.9, 2.4},
		{[2]string{"Branded e-mail replies", "Correos con la imagen de la marca"}, 2.2, 4.1},
	}
}

// encounterPlan is one contact of a customer with the centre at one moment
// of truth of the attention process (proceso de atención).
type encounterPlan struct {
	Customer string
	Moment   string // "welcome", "wait", "handling", "follow-up", "farewell"
	At       time.Time
	Rating   int // 1–5; 0: not rated
	Wait     time.Duration
	// Fails are the fail points a quality monitor noted on the recording:
	// the course notes' errors in service and difficulties in attention.
	Fails []string
}

// simulateJourneys draws n calls. Some callers hang up in the queue, the
// longer the wait the more likely; the wait's rating falls with its length,
// and the final rating follows how the wait and the handling went.
func simulateJourneys(n int) []encounterPlan {
	r := newRand(4)
	var out []encounterPlan
	for i := 0; i < n; i++ {
		cust := "C-" + strconv.Itoa(5000+i)
		day := monthStart.AddDate(0, 0, r.IntN(31))
		at := day.Add(8*time.Hour + time.Duration(r.IntN(600))*time.Minute)
		add := func(m string, rating int, wait time.Duration, fails ...string) {
			out = append(out, encounterPlan{Customer: cust, Moment: m, At: at, Rating: rating, Wait: wait, Fails: fails})
		}
		add("welcome", likert(r, 3.8, 0.8, 1, 5), 0)
		wait := expMinutes(r, 6)
		at = at.Add(time.Minute)
		waitRating := likert(r, 4.6-wait.Minutes()/4, 0.7, 1, 5)
		var waitFails []string
		if wait > 10*time.Minute && r.Float64() < 0.6 {
			waitFails = append(waitFails, "wait-not-acknowledged") // no message that they would be served soon
		}
		add("wait", waitRating, wait, waitFails...)
		at = at.Add(wait)
		if r.Float64() < wait.Minutes()/40 {
			continue // hung up in the queue (abandono)
		}
		handling := likert(r, 4.1, 0.8, 1, 5)
		var handFails []string
		if handling <= 2 {
			handFails = append(handFails, []string{"indifference", "automatism", "denied-solution", "obsolete-tools"}[r.IntN(4)])
		}
		add("handling", handling, 0, handFails...)
		at = at.Add(4*time.Minute + expMinutes(r, 5))
		if r.Float64() < 0.35 { // the case needed a follow-up call
			at = at.Add(24 * time.Hour)
			add("follow-up", likert(r, 3.5, 1, 1, 5), 0)
			if r.Float64() < 0.15 {
				continue // never reached the farewell: the follow-up did not close it
			}
		}
		if r.Float64() < 0.03 {
			continue
		}
		at = at.Add(time.Minute)
		add("farewell", likert(r, 0.45*float64(waitRating)+0.55*float64(handling)+0.2, 0.6, 1, 5), 0)
	}
	return out
}

// complaintPlan is one complaint or claim (queja, reclamo) received at the
// desk during the month.
type complaintPlan struct {
	ID        string
	Kind      string // "complaint", "claim", "inquiry"
	Customer  string
	Received  time.Time
	Cause     string // the seeds' reasons a customer is lost, or a process cause
	Tier      int    // 1: solved by the advisor at first contact; 2: service network; 3: specialist
	Upheld    bool
	Refund    int64 // COP
	Lost      bool  // the customer left over it
	Callback  bool  // a call back to the customer is warranted
	Reachable bool  // the customer answered the callback
}

// simulateComplaints draws n complaints and claims. Causes follow the
// seeds' list with indifference and negligence most frequent.
func simulateComplaints(n int) []complaintPlan {
	r := newRand(5)
	causes := []string{"indifference", "indifference", "indifference", "negligence", "negligence",
		"forgetfulness", "lack-of-technical-preparation", "abuse", "process", "product"}
	var out []complaintPlan
	for i := 0; i < n; i++ {
		c := complaintPlan{ID: "PQR-" + strconv.Itoa(300+i), Customer: "C-" + strconv.Itoa(5000+r.IntN(400)),
			Received: monthStart.Add(time.Duration(r.IntN(30*24*60)) * time.Minute), Cause: causes[r.IntN(len(causes))]}
		switch x := r.Float64(); {
		case x < 0.55:
			c.Kind = "complaint"
		case x < 0.9:
			c.Kind = "claim"
		default:
			c.Kind = "inquiry"
		}
		switch x := r.Float64(); {
		case x < 0.5:
			c.Tier = 1
		case x < 0.85:
			c.Tier = 2
		default:
			c.Tier = 3
		}
		c.Upheld = c.Kind == "claim" && r.Float64() < 0.7
		if c.Upheld {
			c.Refund = int64(20+r.IntN(180)) * 1000
		}
		c.Lost = r.Float64() < 0.12
		c.Callback = c.Tier > 1
		c.Reachable = r.Float64() < 0.9
		out = append(out, c)
	}
	return out
}

// purchasePlan is one purchase of a customer (for the typology part).
type purchasePlan struct {
	At        time.Time
	Amount    int64 // COP
	Margin    int64 // COP
	Promotion bool
	Budget    bool // the cheapest option on offer was chosen
}

// customerPlan is one customer's year of history: purchases, complaints
// and how they went, and their last survey answer.
type customerPlan struct {
	ID        string
	Since     time.Time
	Purchases []purchasePlan
	// Complaints made in the year: how many were checked and held up
	// (Founded) or not (Unfounded), how many the agent recorded as hostile,
	// and the satisfaction after resolution (1–5).
	Complaints, Founded, Unfounded, Hostile int
	Satisfaction                            int
	Rating                                  int // last survey's overall rating 1–5; 0: not surveyed
	Recommend                               bool
}

// simulateCustomers draws n customers of the centre's company with a year of
// purchases before the end of the month. Their habits differ: regular loyal
// buyers, promotion seekers, occasional buyers; and their complaining: most
// never complain or do so with reason, a few complain loudly, never end up
// satisfied, or make up faults.
func simulateCustomers(n int) []customerPlan {
	r := newRand(6)
	var out []customerPlan
	for i := 0; i < n; i++ {
		c := customerPlan{ID: "C-" + strconv.Itoa(5000+i)}
		c.Since = monthEnd.AddDate(-2-r.IntN(5), -r.IntN(12), 0)
		buys, promo, budget, avg, regular := 0, 0.1, 0.1, 120_000.0, false
		span := 364 * 24 // hours of history
		switch p := r.IntN(10); {
		case p < 3: // loyal and regular, for two years
			buys, avg, regular, span = 16+r.IntN(10), 180_000, true, 2*364*24
		case p < 5: // promotion seeker
			buys, promo, avg = 4+r.IntN(6), 0.85, 90_000
		case p < 6: // always takes the cheapest option (economista)
			buys, budget, avg = 4+r.IntN(4), 0.9, 60_000
		case p < 9: // occasional
			buys = 1 + r.IntN(5)
		default: // rarely buys
			buys = r.IntN(2)
		}
		switch x := r.Float64(); {
		case x < 0.04: // makes up faults to get something (abusive)
			c.Complaints, c.Unfounded, c.Founded, c.Satisfaction = 3+r.IntN(2), 2+r.IntN(2), 0, 2
		case x < 0.09: // never satisfied (chronic complainer)
			c.Complaints, c.Founded, c.Satisfaction = 5+r.IntN(3), 1+r.IntN(2), 1+r.IntN(2)
		case x < 0.15: // complains loudly (aggressive)
			c.Complaints, c.Founded, c.Satisfaction = 2+r.IntN(2), 2, 4
			c.Hostile = c.Complaints
		case x < 0.40: // complains with reason
			c.Complaints, c.Founded, c.Satisfaction = 1+r.IntN(2), 1, 4
		}
		if c.Complaints > 0 && buys < c.Complaints/2 {
			buys = c.Complaints / 2
		}
		gap := span / max(1, buys)
		for b := 0; b < buys; b++ {
			h := 1 + r.IntN(span)
			if regular {
				h = 1 + b*gap + r.IntN(gap/4+1)
			}
			at := monthEnd.Add(-time.Duration(h) * time.Hour)
			if at.Before(c.Since) {
				at = c.Since.Add(time.Duration(r.IntN(24*30)) * time.Hour)
			}
			amt := int64(avg * (0.5 + r.Float64()))
			p := purchasePlan{At: at, Amount: amt, Margin: amt * int64(15+r.IntN(20)) / 100, Promotion: r.Float64() < promo, Budget: r.Float64() < budget}
			if p.Promotion {
				p.Margin /= 3
			}
			if r.Float64() < 0.05 {
				p.Margin = -p.Margin / 2 // a sale below cost
			}
			c.Purchases = append(c.Purchases, p)
		}
		if r.Float64() < 0.7 {
			c.Rating = likert(r, 4-0.5*float64(c.Complaints-c.Founded), 0.8, 1, 5)
			c.Recommend = c.Rating >= 4
		}
		out = append(out, c)
	}
	return out
}

// fcrDay is one day's calls and how many were resolved at first contact
// (resolución en el primer contacto).
type fcrDay struct {
	Day      time.Time
	Calls    int
	Resolved int
}

// simulateFCR draws the daily first-contact resolution of February (the
// baseline) and March, after the training workshop held on 1 March lifted
// the rate from about 71 % to about 76 %.
func simulateFCR() (baseline, after []fcrDay) {
	r := newRand(7)
	draw := func(from time.Time, days int, rate float64) []fcrDay {
		var out []fcrDay
		for d := 0; d < days; d++ {
			day := from.AddDate(0, 0, d)
			if day.Weekday() == time.Sunday {
				continue
			}
			calls := 150 + r.IntN(90)
			res := 0
			for c := 0; c < calls; c++ {
				if r.Float64() < rate {
					res++
				}
			}
			out = append(out, fcrDay{Day: day, Calls: calls, Resolved: res})
		}
		return out
	}
	baseline = draw(time.Date(2026, 2, 1, 0, 0, 0, 0, bogota), 28, 0.71)
	after = draw(monthStart, 31, 0.765)
	return baseline, after
}
