package sla

import (
	"strconv"
	"strings"
	"time"
)

// Day is the length of the "d" unit in target durations written as text:
// 24 hours of the clock the objective counts in. On a 24×7 calendar "3d" is
// three calendar days; on a business calendar it is 72 hours of business time
// (nine 8-hour working days), not three working days. Write working days as
// business-day targets ("3bd", see [BusinessDays]) or in hours ("24h" for
// three 8-hour days).
const Day = 24 * time.Hour

// ParseDuration parses a target duration written as text: an optional whole
// number of days "Nd" followed by anything [time.ParseDuration] accepts, such
// as "4h", "90m", "3d", "1d12h" or "2h30m". A day is [Day], 24 hours of the
// objective's clock. Negative durations are rejected; zero ("0s", "0d") is
// accepted here and rejected where a target must be positive. Errors wrap
// [ErrInvalidDuration].
func ParseDuration(s string) (time.Duration, error) {
	txt := strings.TrimSpace(s)
	if txt == "" {
		return 0, errorf(ErrInvalidDuration, "duration %q: empty", s)
	}
	var d time.Duration
	if i := strings.IndexByte(txt, 'd'); i >= 0 {
		n, err := strconv.ParseUint(txt[:i], 10, 32)
		if err != nil || n > uint64(maxDays) {
			return 0, errorf(ErrInvalidDuration, "duration %q: days %q: want a whole number of days up to %d", s, txt[:i], maxDays)
		}
		d = time.Duration(n) * Day
		txt = txt[i+1:]
		if txt == "" {
			return d, nil
		}
	}
	if strings.HasPrefix(txt, "-") || strings.HasPrefix(txt, "+") {
		return 0, errorf(ErrInvalidDuration, "duration %q: want a non-negative duration such as \"4h\", \"90m\" or \"3d\"", s)
	}
	rest, err := time.ParseDuration(txt)
	if err != nil {
		return 0, errorf(ErrInvalidDuration, "duration %q: want text such as \"4h\", \"90m\" or \"3d\"", s)
	}
	if rest > maxDuration-d {
		return 0, errorf(ErrInvalidDuration, "duration %q: longer than %d days", s, maxDays)
	}
	return d + rest, nil
}

// maxDays bounds the day count so that every parsed duration fits a
// time.Duration (about 292 years) with room to add hours.
const maxDays = 100000

const maxDuration = time.Duration(maxDays) * Day

// FormatDuration writes d in the text form [ParseDuration] reads: whole days
// as "Nd", the rest as [time.Duration.String] without zero units ("3d",
// "1d12h", "90m" is written "1h30m", "4h"). Zero is "0s". Negative durations
// are written with a leading "-" and cannot be parsed back.
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	if d < 0 {
		if d == time.Duration(-1<<63) {
			return d.String()
		}
		return "-" + FormatDuration(-d)
	}
	var b strings.Builder
	if days := d / Day; days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10))
		b.WriteByte('d')
		d -= days * Day
	}
	if d > 0 {
		s := d.String()
		// time.Duration.String writes "4h0m0s"; drop the zero units.
		if strings.HasSuffix(s, "m0s") {
			s = strings.TrimSuffix(s, "0s")
		}
		if strings.HasSuffix(s, "h0m") {
			s = strings.TrimSuffix(s, "0m")
		}
		b.WriteString(s)
	}
	return b.String()
}
