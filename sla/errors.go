package sla

import (
	"errors"
	"fmt"
	"strings"
)

// The convention of this package's errors: a message starts with "sla: "
// once, names the field and the value, counts positions from 1 ("event 1"
// is the first event), and ends with the text of the package sentinel it
// wraps, once ("...: sla: invalid ticket"); an error it was caused by is
// shown without its own prefix and sentinel texts, and wrapped too.
// errors.Join puts one such message per line.

// pkgError is an error of this package.
type pkgError struct {
	msg  string
	errs []error
}

func (e *pkgError) Error() string   { return e.msg }
func (e *pkgError) Unwrap() []error { return e.errs }

// errorf returns an error "sla: " + the formatted message + ": " + the
// sentinel's text, wrapping sentinel (when not nil). Error operands are
// formatted by their detail (without prefix and sentinel texts) and
// wrapped; the sentinel is not wrapped again when an operand already wraps
// it.
func errorf(sentinel error, format string, args ...any) error {
	var wrapped []error
	args = append([]any(nil), args...)
	for i, a := range args {
		if err, ok := a.(error); ok {
			args[i] = detail(err)
			wrapped = append(wrapped, err)
		}
	}
	e := &pkgError{msg: "sla: " + fmt.Sprintf(format, args...)}
	if sentinel != nil {
		e.msg += ": " + sentinel.Error()
		if !errors.Is(errors.Join(wrapped...), sentinel) {
			e.errs = append(e.errs, sentinel)
		}
	}
	e.errs = append(e.errs, wrapped...)
	return e
}

// sentinelTexts are the package's sentinel errors, whose texts detail
// removes.
var sentinelTexts = []*error{&ErrInvalidAgreement, &ErrInvalidTicket, &ErrInvalidDuration, &ErrUnknownName, &ErrInvalidOutage,
	&ErrMismatch, &ErrInvalidCalendar, &ErrInvalidShift}

// detail returns the message of err without package prefixes ("sla: ",
// "json: ") and without the texts of this package's sentinels; the messages
// of joined errors are separated by "; ".
func detail(err error) string {
	if j, ok := err.(interface{ Unwrap() []error }); ok && !isPkgError(err) {
		var parts []string
		for _, e := range j.Unwrap() {
			parts = append(parts, detail(e))
		}
		return strings.Join(parts, "; ")
	}
	msg := err.Error()
	for _, p := range sentinelTexts {
		msg = strings.ReplaceAll(msg, ": "+(*p).Error(), "")
	}
	for _, prefix := range []string{"sla: ", "json: "} {
		msg = strings.ReplaceAll(msg, ": "+prefix, ": ")
		msg = strings.TrimPrefix(msg, prefix)
	}
	return msg
}

func isPkgError(err error) bool {
	_, ok := err.(*pkgError)
	return ok
}
