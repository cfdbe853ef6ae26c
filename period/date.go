package period

import (
	"fmt"
	"time"
)

// A Date is a civil date in the proleptic Gregorian calendar: a year, a month
// and a day, with no time of day and no time zone. Dates from 0001-01-01 to
// 9999-12-31 are valid.
//
// The zero Date is not a valid date; [Date.IsZero] reports it. Dates are small
// values: compare them with [Date.Compare] or [Date.Equal], or with ==.
type Date struct {
	// n is the day number: 1 is 0001-01-01 (the Rata Die count), so that the
	// zero value is distinguishable from every valid date.
	n int32
}

const (
	// rdUnixOffset converts a Rata Die day number to days since 1970-01-01.
	rdUnixOffset = 719163
	minYear      = 1
	maxYear      = 9999
)

// NewDate returns the date y-m-d. It reports an error wrapping [ErrOutOfRange]
// if the year is outside 1 to 9999, the month outside January to December, or
// the day outside the month (30 February, 31 April).
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < minYear || y > maxYear {
		return Date{}, fmt.Errorf("%w: year %d is outside %d to %d", ErrOutOfRange, y, minYear, maxYear)
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("%w: month %d is outside 1 to 12", ErrOutOfRange, int(m))
	}
	if dim := daysIn(y, m); d < 1 || d > dim {
		return Date{}, fmt.Errorf("%w: day %d is outside 1 to %d for %s %d", ErrOutOfRange, d, dim, m, y)
	}
	return Date{n: int32(unixDays(y, m, d) + rdUnixOffset)}, nil
}

// DateOf returns the date of t in t's own location. Convert t with
// [time.Time.In] first to read it in another zone.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{n: int32(unixDays(y, m, d) + rdUnixOffset)}
}

// IsZero reports whether d is the zero Date, which is not a valid date.
func (d Date) IsZero() bool { return d.n == 0 }

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.civil(); return y }

// Month returns the month of the year of d.
func (d Date) Month() time.Month { _, m, _ := d.civil(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.civil(); return dd }

// Civil returns the year, month and day of d.
func (d Date) Civil() (year int, month time.Month, day int) { return d.civil() }

// YearMonth returns the month that contains d.
func (d Date) YearMonth() Month {
	y, m, _ := d.civil()
	return monthOf(y, m)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (int(d.n) - rdUnixOffset + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// maxDayNumber is the day number of 9999-12-31, the last valid date.
const maxDayNumber = 3652059

// AddDays returns d plus n days (n may be negative). Like arithmetic on
// [time.Time], it does not fail: it saturates at the ends of the valid
// dates, so a step to before 0001-01-01 gives 0001-01-01 and a step past
// 9999-12-31 gives 9999-12-31, never the zero Date nor a date that does not
// parse back. The zero Date plus any n is the zero Date. To learn whether a
// step left the range, use [Date.AddDaysChecked].
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	// Bounding n first keeps the sum well within an int32.
	v := int32(min(max(n, -maxDayNumber), maxDayNumber)) + d.n
	return Date{n: min(max(v, 1), maxDayNumber)}
}

// AddDaysChecked returns d plus n days, or an error wrapping [ErrOutOfRange]
// if d is the zero Date or the result would fall before 0001-01-01 or after
// 9999-12-31.
func (d Date) AddDaysChecked(n int) (Date, error) {
	if d.n == 0 {
		return Date{}, fmt.Errorf("%w: %d days after the zero Date", ErrOutOfRange, n)
	}
	if v := int64(d.n) + int64(n); v < 1 || v > maxDayNumber {
		return Date{}, fmt.Errorf("%w: %s plus %d days is outside 0001-01-01 to 9999-12-31", ErrOutOfRange, d, n)
	}
	return Date{n: d.n + int32(n)}, nil
}

// AddMonths returns d plus n calendar months (n may be negative). Where the
// day does not exist in the target month it is clamped to the month's last
// day: 31 January plus one month is 28 February (29 in a leap year), not
// 3 March as [time.Time.AddDate] would give.
func (d Date) AddMonths(n int) Date {
	y, m, dd := d.civil()
	t := monthOf(y, m).AddMonths(n)
	ty, tm := t.Year(), t.Month()
	if dim := daysIn(ty, tm); dd > dim {
		dd = dim
	}
	return Date{n: int32(unixDays(ty, tm, dd) + rdUnixOffset)}
}

// Sub returns the number of days from e to d: d.Sub(e) is positive when d is
// after e.
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d.n == e.n }

// In returns the instant d begins in loc: its first instant whose wall-clock
// date in loc is d. That is local midnight, except in the few zones that have
// skipped a midnight, where it is the instant the clocks jumped. A nil loc is
// an error in the caller; In treats it as UTC, as [time.Time.In] does not.
func (d Date) In(loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, dd := d.civil()
	t := time.Date(y, m, dd, 0, 0, 0, 0, loc)
	if DateOf(t).Before(d) {
		// Midnight did not exist; time.Date chose an instant on the previous
		// day. The day starts when that zone period ends.
		if _, end := t.ZoneBounds(); !end.IsZero() {
			t = end
		}
	} else if DateOf(t).After(d) || t.Hour() != 0 || t.Minute() != 0 {
		// time.Date moved forward past a skipped midnight: the day began at
		// the start of the zone period t is in.
		if start, _ := t.ZoneBounds(); !start.IsZero() && DateOf(start.In(loc)).Equal(d) {
			t = start.In(loc)
		}
	}
	return t
}

// String returns d as an ISO 8601 calendar date, 2016-04-01. The zero Date
// formats as 0000-00-00.
func (d Date) String() string {
	if d.IsZero() {
		return "0000-00-00"
	}
	y, m, dd := d.civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalText implements [encoding.TextMarshaler]: the ISO form, or an empty
// text for the zero Date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseDate] accepts, and an empty text as the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate parses an ISO 8601 calendar date, exactly YYYY-MM-DD
// (2016-04-01). Anything else is a [*ParseError].
func ParseDate(s string) (Date, error) {
	const want = "a date written YYYY-MM-DD, such as 2016-04-01"
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &ParseError{What: "date", Input: s, Expected: want}
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	dd, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, &ParseError{What: "date", Input: s, Expected: want}
	}
	d, err := NewDate(y, time.Month(m), dd)
	if err != nil {
		return Date{}, &ParseError{What: "date", Input: s, Expected: want, Err: err}
	}
	return d, nil
}

// civil converts the day number back to year, month and day.
func (d Date) civil() (int, time.Month, int) {
	return civilFromUnixDays(int(d.n) - rdUnixOffset)
}

// unixDays returns the number of days from 1970-01-01 to y-m-d, using Howard
// Hinnant's days_from_civil algorithm.
func unixDays(y int, m time.Month, d int) int {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := int(m) + 9
	if m > 2 {
		mp = int(m) - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromUnixDays is the inverse of unixDays.
func civilFromUnixDays(z int) (int, time.Month, int) {
	z += 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

// isLeap reports whether y is a leap year in the Gregorian calendar.
func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// digits parses a string of ASCII digits only (no sign, no spaces).
func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
