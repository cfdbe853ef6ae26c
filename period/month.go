package period

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"
)

// A Month is a calendar month of a year: April 2016. Months from January 0001
// to December 9999 are valid. The zero Month is not valid; [Month.IsZero]
// reports it.
type Month struct {
	// n is year*12 + month-1, so January 0001 is 12 and the zero value is
	// outside the valid range.
	n int32
}

// NewMonth returns month m of year y, or an error wrapping [ErrOutOfRange].
func NewMonth(y int, m time.Month) (Month, error) {
	if y < minYear || y > maxYear {
		return Month{}, fmt.Errorf("%w: year %d is outside %d to %d", ErrOutOfRange, y, minYear, maxYear)
	}
	if m < time.January || m > time.December {
		return Month{}, fmt.Errorf("%w: month %d is outside 1 to 12", ErrOutOfRange, int(m))
	}
	return monthOf(y, m), nil
}

func monthOf(y int, m time.Month) Month { return Month{n: int32(y*12 + int(m) - 1)} }

// IsZero reports whether m is the zero Month.
func (m Month) IsZero() bool { return m.n == 0 }

// Year returns the calendar year of m.
func (m Month) Year() int { return int(floorDiv(m.n, 12)) }

// Month returns the month of the year.
func (m Month) Month() time.Month { return time.Month(floorMod(m.n, 12) + 1) }

// AddMonths returns m plus n months (n may be negative).
func (m Month) AddMonths(n int) Month { return Month{n: m.n + int32(n)} }

// Sub returns the number of months from o to m.
func (m Month) Sub(o Month) int { return int(m.n - o.n) }

// Compare returns -1, 0 or +1 as m is before, equal to or after o.
func (m Month) Compare(o Month) int {
	switch {
	case m.n < o.n:
		return -1
	case m.n > o.n:
		return 1
	}
	return 0
}

// Before reports whether m is before o.
func (m Month) Before(o Month) bool { return m.n < o.n }

// After reports whether m is after o.
func (m Month) After(o Month) bool { return m.n > o.n }

// Equal reports whether m and o are the same month.
func (m Month) Equal(o Month) bool { return m.n == o.n }

// First returns the first day of m.
func (m Month) First() Date { return Date{n: int32(unixDays(m.Year(), m.Month(), 1) + rdUnixOffset)} }

// Last returns the last day of m.
func (m Month) Last() Date { return m.AddMonths(1).First().AddDays(-1) }

// Days returns the number of days in m.
func (m Month) Days() int { return daysIn(m.Year(), m.Month()) }

// Period returns m as a one-month [Period].
func (m Month) Period() Period {
	return Period{kind: KindMonth, start: m.First(), end: m.AddMonths(1).First(), ystart: defaultYearStart}
}

// String returns m in ISO 8601 form, 2016-04.
func (m Month) String() string {
	if m.IsZero() {
		return "0000-00"
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))
}

// Label formats m in the given style: 2016-04 ([ISO]), Apr-16 ([Short]) or
// April 2016 ([Long]). The short form writes the year in two digits only for
// 2000 to 2099, so that it parses back to the same month; other years are
// written in full (Apr-1999).
func (m Month) Label(style Style) string {
	switch style {
	case Short:
		y := m.Year()
		if y >= 2000 && y <= 2099 {
			return fmt.Sprintf("%s-%02d", m.Month().String()[:3], y-2000)
		}
		return fmt.Sprintf("%s-%04d", m.Month().String()[:3], y)
	case Long:
		return fmt.Sprintf("%s %04d", m.Month(), m.Year())
	}
	return m.String()
}

// MarshalText implements [encoding.TextMarshaler] with the ISO form, or an
// empty text for the zero Month.
func (m Month) MarshalText() ([]byte, error) {
	if m.IsZero() {
		return []byte{}, nil
	}
	return []byte(m.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseMonth] accepts, and an empty text as the zero Month.
func (m *Month) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = Month{}
		return nil
	}
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMonth parses a month written 2016-04, Apr-16, Apr-2016 or April 2016.
// Month names are not case-sensitive. A two-digit year is 2000 to 2099.
func ParseMonth(s string) (Month, error) {
	if len(s) > MaxLabel {
		return Month{}, &ParseError{What: "month", Input: s, Expected: monthForms,
			Err: fmt.Errorf("it is %d characters long: a month has at most %d", len(s), MaxLabel)}
	}
	m, err := parseMonthText(strings.TrimSpace(s))
	if err != nil {
		pe := &ParseError{What: "month", Input: s, Expected: monthForms}
		if err != errNotMonth {
			pe.Err = err
		}
		return Month{}, pe
	}
	return m, nil
}

const monthForms = "a month written 2016-04, Apr-16 or April 2016"

// errNotMonth is the quiet failure of parseMonthText; ParseMonth and the label
// parser wrap it in their own ParseError.
var errNotMonth = errors.New("not a month")

func parseMonthText(s string) (Month, error) {
	// 2016-04
	if len(s) == 7 && s[4] == '-' {
		y, ok1 := digits(s[:4])
		mm, ok2 := digits(s[5:])
		if ok1 && ok2 {
			return NewMonth(y, time.Month(mm))
		}
		return Month{}, errNotMonth
	}
	// Apr-16, Apr-2016
	if i := strings.IndexByte(s, '-'); i == 3 {
		mon, ok := monthByName(s[:3], true)
		if !ok {
			return Month{}, errNotMonth
		}
		ys := s[4:]
		y, ok := digits(ys)
		switch {
		case ok && len(ys) == 2:
			return NewMonth(2000+y, mon)
		case ok && len(ys) == 4:
			return NewMonth(y, mon)
		}
		return Month{}, errNotMonth
	}
	// April 2016
	if f := strings.Fields(s); len(f) == 2 {
		mon, ok := monthByName(f[0], false)
		y, ok2 := digits(f[1])
		if ok && ok2 && len(f[1]) == 4 {
			return NewMonth(y, mon)
		}
	}
	return Month{}, errNotMonth
}

// monthByName looks a month up by its English name, case-insensitively:
// the three-letter abbreviation when short is true, else the full name.
func monthByName(s string, short bool) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		if short {
			name = name[:3]
		}
		if strings.EqualFold(s, name) {
			return m, true
		}
	}
	return 0, false
}

// monthsBetween yields the months from first up to, not including, end.
func monthsBetween(first, end Month) iter.Seq[Month] {
	return func(yield func(Month) bool) {
		for m := first; m.Before(end); m = m.AddMonths(1) {
			if !yield(m) {
				return
			}
		}
	}
}

func floorDiv(a, b int32) int32 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int32) int32 { return a - floorDiv(a, b)*b }
