package sla

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
)

func FuzzParseShift(f *testing.F) {
	for _, s := range []string{"09:00-17:00", "22:00-06:00", "00:00-24:00", "9:00 - 17:30", "24:00-01:00", "09:60-10:00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := ParseShift(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidShift) {
				t.Fatalf("ParseShift(%q): error %v does not wrap ErrInvalidShift", s, err)
			}
			return
		}
		if !sh.IsValid() {
			t.Fatalf("ParseShift(%q) = %+v, not valid", s, sh)
		}
		if l := sh.Length(); l <= 0 || l > 24*time.Hour {
			t.Fatalf("ParseShift(%q): length %s out of (0, 24h]", s, l)
		}
		back, err := ParseShift(sh.String())
		if err != nil || back != sh {
			t.Fatalf("ParseShift(%q) = %v; round trip via %q = %v, %v", s, sh, sh.String(), back, err)
		}
	})
}

func FuzzCalendarJSON(f *testing.F) {
	f.Add([]byte(bogotaJSON), int64(3600))
	f.Add([]byte(`{"zone":"America/New_York","week":{"monday":["09:00-17:00"],"friday":["22:00-06:00"]},"holidays":[{"date":"2026-03-09"}]}`), int64(86400))
	f.Add([]byte(`{"zone":"Europe/Madrid","week":{"domingo":["00:00-24:00"]}}`), int64(90000))
	f.Add([]byte(`{"week":{"monday":["09:00-12:00","11:00-13:00"]}}`), int64(60))
	f.Add([]byte(`{"week":{"monday":["09:00-17:00"]},"rules":[{"name":"x","kind":"nth-weekday","month":11,"weekday":"jueves","nth":-1,"observe":"next-monday"}]}`), int64(7200))
	start := time.Date(2026, 3, 1, 12, 34, 56, 789, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte, secs int64) {
		var c Calendar
		err := c.UnmarshalJSON(data)
		if err != nil {
			if !errors.Is(err, ErrInvalidCalendar) {
				t.Fatalf("error %v does not wrap ErrInvalidCalendar", err)
			}
			return
		}
		out, err := json.Marshal(&c)
		if err != nil {
			t.Fatalf("Marshal of a decoded calendar: %v", err)
		}
		var back Calendar
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decode of %s: %v", out, err)
		}
		out2, err := json.Marshal(&back)
		if err != nil || string(out) != string(out2) {
			t.Fatalf("round trip: %s != %s (%v)", out, out2, err)
		}
		// The decoded calendar behaves: Add inverts Between, and both
		// copies agree.
		d := time.Duration(secs%(400*24*3600)) * time.Second
		if d < 0 {
			d = -d
		}
		end := start.Add(d)
		b := c.Between(start, end)
		if b < 0 || b > d || b != back.Between(start, end) {
			t.Fatalf("Between(%s, %s) = %s (copy %s)", start, end, b, back.Between(start, end))
		}
		if b > 0 {
			u := c.Add(start, b)
			if got := c.Between(start, u); got != b || u.After(end) {
				t.Fatalf("Add(%s, %s) = %s: Between = %s, end %s", start, b, u, got, end)
			}
		}
	})
}

// FuzzCalendarAgainstReference builds a random calendar from the fuzzer's
// seed and checks Between, Add and IsOpen against the minute-stepping
// reference over four days around a DST change.
func FuzzCalendarAgainstReference(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), uint32(100), uint32(3000), uint32(600))
	f.Add(uint64(7), uint8(1), uint8(1), uint32(59), uint32(5000), uint32(1))
	f.Add(uint64(42), uint8(2), uint8(2), uint32(0), uint32(5759), uint32(90))
	zones := []string{"America/New_York", "Europe/Madrid", "Australia/Lord_Howe", "America/Bogota"}
	// Four-day windows holding 2026's DST changes in the zones above.
	windows := []string{"2026-03-07", "2026-10-31", "2026-03-27", "2026-10-23", "2026-04-04"}
	f.Fuzz(func(t *testing.T, seed uint64, zone, window uint8, a, b, d uint32) {
		const days = 4
		rng := rand.New(rand.NewPCG(seed, seed>>7))
		start := servuction.MustParseDate(windows[int(window)%len(windows)])
		cfg, c := randomCalendar(t, rng, zones[int(zone)%len(zones)], start.AddDays(-1), days+2)
		ref := newRef(t, cfg)
		from := start.In(ref.loc)
		w := ref.window(from, days*1440)
		ta := from.Add(time.Duration(a%(days*1440)) * time.Minute)
		tb := from.Add(time.Duration(b%(days*1440)) * time.Minute)
		if tb.Before(ta) {
			ta, tb = tb, ta
		}
		if got, want := c.Between(ta, tb), w.at(tb)-w.at(ta); got != want {
			t.Fatalf("%+v: Between(%s, %s) = %s, reference %s", cfg, ta, tb, got, want)
		}
		if got, want := c.IsOpen(ta), ref.open(ta); got != want {
			t.Fatalf("%+v: IsOpen(%s) = %v, reference %v", cfg, ta, got, want)
		}
		if avail := w.at(from.Add(days*24*time.Hour)) - w.at(ta); avail > 0 {
			dd := min(time.Duration(d)*time.Second+1, avail)
			u := c.Add(ta, dd)
			if got := w.at(u) - w.at(ta); got != dd || c.Between(ta, u.Add(-1)) >= dd {
				t.Fatalf("%+v: Add(%s, %s) = %s: reference business time %s", cfg, ta, dd, u, got)
			}
		}
	})
}
