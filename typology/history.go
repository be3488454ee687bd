package typology

import (
	"errors"
	"fmt"
	"time"

	"github.com/servuction/servuction"
)

// Purchase is one sale to the customer.
type Purchase struct {
	At     time.Time        // when the sale happened; not after now
	Amount servuction.Money // revenue, ≥ 0
	Margin servuction.Money // contribution after direct costs; may be negative
	// Promotion reports that the sale was made on a promotion or discount.
	Promotion bool
	// Tier is the price level of the option chosen.
	Tier PriceTier
	// Tied reports that the purchase was required by something else (a
	// contract, another product, the lack of an alternative): the seeds'
	// compra supeditada.
	Tied bool
}

// Contact is one interaction the customer started: a question, a request or a
// complaint.
type Contact struct {
	At      time.Time          // when it happened; not after now
	Channel servuction.Channel // optional
	// Complaint reports that the contact expressed dissatisfaction (queja or
	// reclamo).
	Complaint bool
	// Finding says whether the complaint's facts were checked and held up.
	Finding Finding
	// Hostile reports that the agent recorded shouting, insults or threats.
	Hostile bool
	// Escalation reports that the customer asked for a manager or a higher tier.
	Escalation bool
	// Satisfaction after resolution, 1 (very unhappy) to 5 (very happy); 0
	// means not asked.
	Satisfaction int
}

// Survey is one answer to a satisfaction survey.
type Survey struct {
	At     time.Time // when it was answered; not after now
	Rating int       // overall satisfaction 1–5; 0 means not answered
	// WouldRecommend and IntendsToBuy are the seeds' marks of the loyal
	// customer: "tiene la intención de comprar, nos recomienda".
	WouldRecommend bool
	IntendsToBuy   bool
}

// Observation is an agent's note of a customer's manner during a contact.
type Observation struct {
	At          time.Time
	Personality Personality // PersonalityUnknown: not noted
	Motivation  Motivation  // MotivationUnknown: not noted
}

// History is everything the classifier knows about one customer. Any host can
// fill it; the order of the slices does not matter.
type History struct {
	Customer     string // an identifier; printed, so not a personal name
	Purchases    []Purchase
	Contacts     []Contact
	Surveys      []Survey
	Observations []Observation
	// Data is optional demographic and psychographic profile data. It is never
	// printed: see [CustomerData].
	Data *CustomerData
}

// IsEmpty reports whether the history holds no purchase, contact, survey or
// observation.
func (h *History) IsEmpty() bool {
	return len(h.Purchases) == 0 && len(h.Contacts) == 0 && len(h.Surveys) == 0 && len(h.Observations) == 0
}

// maxReported caps how many problems Validate lists, so one huge bad history
// does not build a huge error.
const maxReported = 20

// Validate reports every problem of h relative to now, joined, each wrapping
// [ErrInvalidHistory]: amounts negative or in several currencies, instants
// after now or zero, ratings and satisfaction out of range, undefined enums.
func (h *History) Validate(now time.Time) error {
	var errs []error
	add := func(format string, args ...any) {
		if len(errs) < maxReported {
			errs = append(errs, fmt.Errorf("typology: customer %q: "+format+": %w", append([]any{h.Customer}, append(args, ErrInvalidHistory)...)...))
		}
	}
	checkAt := func(what string, i int, at time.Time) {
		switch {
		case at.IsZero():
			add("%s %d: instant not set", what, i)
		case at.After(now):
			add("%s %d: instant %s after now %s", what, i, at.Format(time.RFC3339), now.Format(time.RFC3339))
		}
	}
	currency := ""
	checkCur := func(i int, field string, m *servuction.Money) {
		if m.Currency == "" {
			return
		}
		if currency == "" {
			currency = m.Currency
		} else if m.Currency != currency {
			add("purchase %d: %s currency %s differs from %s", i, field, m.Currency, currency)
		}
	}
	// The loops take pointers: a Purchase is over a hundred bytes.
	for i := range h.Purchases {
		p := &h.Purchases[i]
		checkAt("purchase", i, p.At)
		if p.Amount.Sign() < 0 {
			add("purchase %d: amount %s is negative", i, p.Amount)
		}
		if p.Amount.Currency != currency || p.Margin.Currency != currency { // else nothing to check
			checkCur(i, "amount", &p.Amount)
			checkCur(i, "margin", &p.Margin)
		}
		if !p.Tier.IsValid() {
			add("purchase %d: tier %d undefined", i, p.Tier)
		}
	}
	for i := range h.Contacts {
		c := &h.Contacts[i]
		checkAt("contact", i, c.At)
		if c.Satisfaction < 0 || c.Satisfaction > 5 {
			add("contact %d: satisfaction %d out of range 0–5", i, c.Satisfaction)
		}
		if !c.Finding.IsValid() {
			add("contact %d: finding %d undefined", i, c.Finding)
		}
		if !c.Channel.IsValid() {
			add("contact %d: channel %d undefined", i, c.Channel)
		}
	}
	for i := range h.Surveys {
		s := &h.Surveys[i]
		checkAt("survey", i, s.At)
		if s.Rating < 0 || s.Rating > 5 {
			add("survey %d: rating %d out of range 0–5", i, s.Rating)
		}
	}
	for i := range h.Observations {
		o := &h.Observations[i]
		checkAt("observation", i, o.At)
		if !o.Personality.IsValid() {
			add("observation %d: personality %d undefined", i, o.Personality)
		}
		if !o.Motivation.IsValid() {
			add("observation %d: motivation %d undefined", i, o.Motivation)
		}
	}
	return errors.Join(errs...)
}
