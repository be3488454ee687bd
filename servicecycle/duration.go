package servicecycle

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// formatDuration writes d as text for JSON: whole days as "3d", anything else
// in Go's notation ("90m0s" is written "1h30m0s").
func formatDuration(d time.Duration) string {
	const day = 24 * time.Hour
	if d != 0 && d%day == 0 {
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	return d.String()
}

// parseDuration reads a duration written as Go's time.ParseDuration accepts
// ("4h", "90m", "1h30m") or as whole days ("3d", a day being 24 hours).
// Negative durations are rejected.
func parseDuration(field, s string) (time.Duration, error) {
	var d time.Duration
	if rest, ok := strings.CutSuffix(s, "d"); ok && rest != "" && !strings.ContainsAny(rest, "hmsuµn.") {
		n, err := strconv.ParseInt(rest, 10, 64)
		if err != nil || n < 0 || n > int64(1<<63-1)/int64(24*time.Hour) {
			return 0, fmt.Errorf("servicecycle: %s %q: want a duration like \"90m\", \"4h\" or \"3d\": %w", field, s, ErrInvalidValue)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		d, err = time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("servicecycle: %s %q: want a duration like \"90m\", \"4h\" or \"3d\": %w", field, s, ErrInvalidValue)
		}
	}
	if d < 0 {
		return 0, fmt.Errorf("servicecycle: %s %q: negative: %w", field, s, ErrInvalidValue)
	}
	return d, nil
}
