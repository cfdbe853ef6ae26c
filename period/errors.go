package period

import (
	"errors"

	"github.com/kpiregime/kpiregime/internal/problems"
)

// ErrOutOfRange is wrapped by errors for a value outside its range: day 31 of
// April, month 13, year 10000, quarter 5.
var ErrOutOfRange = errors.New("out of range")

// A ParseError reports text that could not be parsed. It quotes the input and
// says what was expected; Err, when set, is the underlying cause (for example
// an error wrapping [ErrOutOfRange] for 2016-02-30).
//
// It is the one parse error of the library, modelled on [time.ParseError]:
// the parsers of kpi, regime and period/ukholiday return it too (kpi.ParseError
// is this type), so a single errors.As target catches text any of them could
// not read. Package names the parser's package when it is not period.
type ParseError struct {
	What     string // what was being parsed: "date", "month", "label", "frequency", "unit", "rounding"
	Input    string // the text as given
	Expected string // what the parser accepts
	Err      error  // the cause, or nil
	Package  string // the package whose parser reports it ("kpi", "regime", "ukholiday", "worktime"); empty for period
}

// Error returns a message such as
// `period: cannot parse "2016-13-01" as a date: month 13 is outside 1 to 12 (want a date written YYYY-MM-DD, such as 2016-04-01)`,
// or, for another package, one that begins with its name and says "cannot
// read": `kpi: cannot read "smaller" as a polarity (want higher_is_better or lower_is_better)`.
func (e *ParseError) Error() string {
	if e.Package != "" {
		return e.message(e.Package+": cannot read ", problems.Article(e.What))
	}
	return e.message("period: cannot parse ", "a "+e.What)
}

// message puts head before the quoted input and what it was read as, then
// adds the cause and what was expected.
func (e *ParseError) message(head, what string) string {
	s := head + problems.Quote(e.Input) + " as " + what
	if e.Err != nil {
		s += ": " + problems.Cut(e.Err.Error())
	}
	return s + " (want " + e.Expected + ")"
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Must returns v, or panics if err is not nil. It is for values known to be
// valid at compile time, in tests, examples and package-level variables:
//
//	fy := period.Must(period.FinancialYear(2016))
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// MaxLabel is the longest period label or month the parsers read, in
// bytes: "YTD 2016/2017 to September 2016 from September" is 46.
const MaxLabel = 100
