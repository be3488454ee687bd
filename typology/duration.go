package typology

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is 24 hours, the unit of the "d" suffix in durations written as text.
const Day = 24 * time.Hour

// formatDuration writes d as text: whole days as "365d", anything else as
// time.Duration.String ("36h0m0s").
func formatDuration(d time.Duration) string {
	if d != 0 && d%Day == 0 {
		return strconv.FormatInt(int64(d/Day), 10) + "d"
	}
	return d.String()
}

// parseDuration reads "365d" (days of 24 h), "90m", "4h" or any
// time.ParseDuration text.
func parseDuration(field, s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(strings.TrimSpace(s), "d"); ok {
		v, err := strconv.ParseInt(n, 10, 64)
		if err != nil || v < 0 || v > int64(1<<63-1)/int64(Day) {
			return 0, fmt.Errorf("typology: %s %q: want whole days like \"365d\": %w", field, s, ErrInvalidConfig)
		}
		return time.Duration(v) * Day, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("typology: %s %q: want a duration like \"365d\" or \"720h\": %w", field, s, ErrInvalidConfig)
	}
	return d, nil
}
