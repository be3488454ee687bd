package sla

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestErrOnce(t *testing.T) {
	inner := fmt.Errorf("sla: shift %q: start %q: want HH:MM: %w", "25:00-26:00", "25:00", ErrInvalidShift)
	err := errOnce("calendar JSON", inner, ErrInvalidCalendar)
	assert.Equal(t, `sla: calendar JSON: shift "25:00-26:00": start "25:00": want HH:MM: sla: invalid calendar`, err.Error())
	assert.ErrorIs(t, err, ErrInvalidCalendar)
	assert.ErrorIs(t, err, ErrInvalidShift, "the inner sentinel is still found")
	// The same sentinel inside is named once.
	err = errOnce("report", fmt.Errorf("sla: histogram: bad: %w", ErrInvalidReport), ErrInvalidReport)
	assert.Equal(t, "sla: report: histogram: bad: sla: invalid report", err.Error())
	assert.ErrorIs(t, err, ErrInvalidReport)
	// A foreign error keeps its text.
	err = errOnce("report", errors.New("unexpected EOF"), ErrInvalidReport)
	assert.Equal(t, "sla: report: unexpected EOF: sla: invalid report", err.Error())
	assert.Equal(t, "a: b", trimSLA(fmt.Errorf("sla: sla: a: b: %w: %w", ErrInvalidCalendar, ErrInvalidAgreement)))
}
