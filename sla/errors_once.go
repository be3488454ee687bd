package sla

import (
	"errors"
	"strings"
)

// sentinels are the package's sentinel errors, whose text errOnce keeps
// from repeating.
var sentinels = []error{ErrInvalidCalendar, ErrInvalidShift, ErrInvalidAgreement, ErrInvalidTicket, ErrInvalidDuration,
	ErrUnknownName, ErrInvalidOutage, ErrMismatch, ErrInvalidReport}

// onceError is an error with one "sla: " prefix and each sentinel's text
// once, wrapping the error it was made from and a sentinel.
type onceError struct {
	msg  string
	errs []error
}

func (e *onceError) Error() string   { return e.msg }
func (e *onceError) Unwrap() []error { return e.errs }

// errOnce returns "sla: context: detail: sentinel" where detail is err's
// message without its "sla: " prefixes and the sentinels' texts it ends
// with, so that a message has one package prefix and names each sentinel
// once. The result wraps err (errors.Is finds its sentinels) and sentinel.
func errOnce(context string, err, sentinel error) error {
	detail := trimSLA(err)
	msg := "sla: " + context + ": " + detail + ": " + sentinel.Error()
	if errors.Is(err, sentinel) {
		return &onceError{msg: msg, errs: []error{err}}
	}
	return &onceError{msg: msg, errs: []error{err, sentinel}}
}

// trimSLA returns err's message without the package prefixes it starts with
// and the sentinel texts it ends with.
func trimSLA(err error) string {
	m := err.Error()
	for strings.HasPrefix(m, "sla: ") {
		m = m[len("sla: "):]
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, s := range sentinels {
			if t, ok := strings.CutSuffix(m, ": "+s.Error()); ok {
				m, trimmed = t, true
			}
		}
	}
	return m
}
