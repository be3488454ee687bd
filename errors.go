package servuction

import "errors"

// ErrInvalidValue is wrapped by every error this package returns for bad input:
// an unknown enum name, a malformed date or amount, or a currency mismatch.
var ErrInvalidValue = errors.New("servuction: invalid value")

// ErrCurrencyMismatch is wrapped, together with [ErrInvalidValue], when an
// operation combines amounts in two different currencies.
var ErrCurrencyMismatch = errors.New("servuction: currency mismatch")
