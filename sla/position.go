package sla

import "time"

// position returns the business time of c at t since an arbitrary fixed
// origin, as seconds and nanoseconds: Between(a, b) is the difference of the
// positions of b and a when b is after a. nil is 24×7.
func position(c *Calendar, t time.Time) (int64, int64) {
	if c.isAlways() {
		return t.Unix(), int64(t.Nanosecond())
	}
	return c.real(t.Unix(), int64(t.Nanosecond()))
}

// posMemo remembers the positions of the instant an evaluation last reached
// on the few calendars its clocks count on, so that each instant of a
// timeline is placed once per calendar.
type posMemo struct {
	n    int
	cals [4]*Calendar
	sec  [4]int64
	ns   [4]int64
	at   [4]time.Time // the instant sec and ns are the position of
	// pinAt is an instant whose positions are kept from ticket to ticket
	// (Watch's now), in pins; zero when none.
	pinAt time.Time
	pins  []pinned
}

type pinned struct {
	cal     *Calendar
	sec, ns int64
}

// place returns the position of t on cal, from the pins when t is pinAt.
func (m *posMemo) place(cal *Calendar, t time.Time) (int64, int64) {
	if m.pinAt.IsZero() || !t.Equal(m.pinAt) {
		return position(cal, t)
	}
	for _, p := range m.pins {
		if p.cal == cal {
			return p.sec, p.ns
		}
	}
	s, n := position(cal, t)
	m.pins = append(m.pins, pinned{cal, s, n})
	return s, n
}

// between returns the business time of cal in [from, to), to after from,
// and remembers the position of to.
func (m *posMemo) between(cal *Calendar, from, to time.Time) time.Duration {
	s2, n2 := m.place(cal, to)
	for i := 0; i < m.n; i++ {
		if m.cals[i] != cal {
			continue
		}
		s1, n1 := m.sec[i], m.ns[i]
		if !m.at[i].Equal(from) {
			s1, n1 = position(cal, from)
		}
		m.sec[i], m.ns[i], m.at[i] = s2, n2, to
		return durationOf(s2-s1, n2-n1)
	}
	s1, n1 := position(cal, from)
	if m.n < len(m.cals) {
		m.cals[m.n], m.sec[m.n], m.ns[m.n], m.at[m.n] = cal, s2, n2, to
		m.n++
	}
	return durationOf(s2-s1, n2-n1)
}
