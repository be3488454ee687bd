package typology

import "errors"

// ErrInvalidValue is wrapped by the errors of every ParseXxx function and
// UnmarshalText method of this package: an unknown or undefined enum name.
var ErrInvalidValue = errors.New("typology: invalid value")

// ErrInvalidHistory is wrapped when a customer's history cannot be classified
// because it is wrong, not merely short: a negative amount, a rating out of
// range, a purchase after now, amounts in different currencies.
var ErrInvalidHistory = errors.New("typology: invalid history")

// ErrInvalidConfig is wrapped when a threshold of a [Config], a [LevelConfig],
// an [ABCConfig] or a segmentation is out of range.
var ErrInvalidConfig = errors.New("typology: invalid config")

// ErrInvalidModel is wrapped when the parameters or inputs of a value model
// (simple CLV, [BGNBD]) are out of their domain, or a series does not converge.
var ErrInvalidModel = errors.New("typology: invalid model")

// ErrNotConverged is wrapped when a model cannot be fitted to the data: the
// likelihood has no maximum inside the model (a parameter runs to 0 or ∞),
// the optimizer stops before the gradient vanishes, or the parameters are
// not identified (the Hessian is not positive definite). The message names
// the parameter and what the data look like.
var ErrNotConverged = errors.New("typology: fit did not converge")
