package kpi

import (
	"errors"
	"fmt"

	"github.com/kpiregime/kpiregime/period"
)

// A FieldError is one problem in a definition, with the path of the field
// (bands[2].level, measure.precision). The validation errors of kpi, regime
// and contract are made of them; use errors.As to find them. regime and
// contract use this type.
type FieldError struct {
	Path string // the field's path, or empty for a problem with the whole value
	Msg  string // what is wrong with it
	// Err, if not nil, is the typed cause of the problem (a
	// [*UncoveredYearError]), for errors.As; Msg says it in words.
	Err error
}

// Unwrap returns the cause, or nil.
func (e *FieldError) Unwrap() error { return e.Err }

// Error returns "path: message", or the message alone for an empty path.
func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// newFieldError is how a list of problems makes them FieldErrors.
func newFieldError(path, msg string) error { return &FieldError{Path: path, Msg: msg} }

// ErrInvalid is wrapped by every validation error, so that callers can tell
// a bad definition from other failures with errors.Is. It is the one
// sentinel of the library: regime.ErrInvalid and contract.ErrInvalid are
// this same value, so errors.Is(err, kpi.ErrInvalid) holds for a regime's
// or a contract's validation error too.
var ErrInvalid = errors.New("invalid")

// ErrNeedsCounts is wrapped by the error of [Aggregate] when a ratio of sums
// or a weighted mean is asked of figures given without the counts behind
// them (a percentage without its numerator and denominator). Such a figure
// cannot be combined exactly; callers can tell this case with errors.Is and
// report it, or bound the aggregate by the smallest and largest figure.
var ErrNeedsCounts = errors.New("it needs the counts behind it")

// An UncoveredYearError reports a profiled indicator asked for a target in a
// year its profile does not cover: a five-year contract whose council tax
// profile lists only the first two years, rated in the third.
// [Definition.CheckYear] returns one, for checking a contract when it is
// loaded, and so does [Definition.TargetFor] (and so [Evaluate]) for a
// period in such a year.
type UncoveredYearError struct {
	Ref  string      // the indicator's reference
	Year period.Year // the year of the profile's years that it does not cover
}

// Error returns a message such as "KPI R&B-K-001 has no profiled target for
// 2017/18", the year written as its short label.
func (e *UncoveredYearError) Error() string {
	return fmt.Sprintf("KPI %s has no profiled target for %s", e.Ref, e.Year)
}

// The limits on what the parsers read, so that no input can cost time or
// memory out of proportion to what a figure needs.
const (
	// MaxText is the longest figure, target, level or number the parsers
	// read, in bytes: "Not greater than 3%" is 19.
	MaxText = 100
	// MaxDigits is the most digits a number may have: enough for any
	// amount of money to the penny, or a figure to many places.
	MaxDigits = 30
)

// errTooLong says that s is past [MaxText].
func errTooLong(s string) error {
	return fmt.Errorf("it is %d characters long: a figure, target or level has at most %d", len(s), MaxText)
}

// checkDigits refuses a number with more than [MaxDigits] digits, not
// counting leading zeros (0.000 and .000 are the same number, and one
// must write as the other reads).
func checkDigits(s string) error {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '1' && s[i] <= '9' || s[i] == '0' && n > 0 {
			n++
		}
	}
	if n > MaxDigits {
		return fmt.Errorf("the number has %d digits: a number has at most %d", n, MaxDigits)
	}
	return nil
}
