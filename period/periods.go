package period

import (
	"errors"
	"fmt"
	"iter"
	"sort"
	"strings"
	"time"
)

// An Absorb says which period of a year of thirteen 28-day periods takes
// the day or two by which the year is longer than 364 days.
type Absorb uint8

// The periods that can absorb the odd days. The zero Absorb is not valid.
const (
	AbsorbLast  Absorb = iota + 1 // P13 is 29 days, or 30 in a year with 29 February
	AbsorbFirst                   // P1 is 29 days, or 30
)

// String returns "last" or "first", the words [ParseAbsorb] reads.
func (a Absorb) String() string {
	switch a {
	case AbsorbLast:
		return "last"
	case AbsorbFirst:
		return "first"
	}
	return fmt.Sprintf("Absorb(%d)", int(a))
}

// MarshalText implements [encoding.TextMarshaler] with the words
// [Absorb.String] gives. The zero Absorb, which is not valid, is an error
// wrapping [ErrOutOfRange], as is any other value not named above.
func (a Absorb) MarshalText() ([]byte, error) {
	if a != AbsorbLast && a != AbsorbFirst {
		return nil, fmt.Errorf("%w: %s is not a rule for the odd days", ErrOutOfRange, a)
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAbsorb].
func (a *Absorb) UnmarshalText(b []byte) error {
	v, err := ParseAbsorb(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// ParseAbsorb reads which period absorbs the odd days: "first" or "last"
// (P1 and P13 are accepted too), not case-sensitively.
func ParseAbsorb(s string) (Absorb, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "last", "p13":
		return AbsorbLast, nil
	case "first", "p1":
		return AbsorbFirst, nil
	}
	return 0, &ParseError{What: "rule for the odd days", Input: s, Expected: "first or last: the period that takes the odd days"}
}

// ParseYearStartDay reads the day of the year a period calendar's years
// start on: 04-01 (month and day), 1 April or 1 Apr, April 1 or Apr 1. The
// day must occur every year: 29 February is refused.
func ParseYearStartDay(s string) (time.Month, int, error) {
	m, d, err := parseYearStartDay(s)
	if err != nil {
		pe := &ParseError{What: "year start day", Input: s, Expected: "a day of the year such as 04-01 or 1 April"}
		if !errors.Is(err, errNotLabel) {
			pe.Err = err
		}
		return 0, 0, pe
	}
	return m, d, nil
}

func parseYearStartDay(s string) (time.Month, int, error) {
	if len(s) > MaxLabel {
		return 0, 0, fmt.Errorf("it is %d characters long: at most %d", len(s), MaxLabel)
	}
	f := strings.Fields(s)
	var m time.Month
	var day int
	switch {
	case len(f) == 1 && len(f[0]) == 5 && f[0][2] == '-':
		mm, ok1 := digits(f[0][:2])
		dd, ok2 := digits(f[0][3:])
		if !ok1 || !ok2 {
			return 0, 0, errNotLabel
		}
		m, day = time.Month(mm), dd
	case len(f) == 2:
		a, b := f[0], f[1]
		if _, ok := digits(a); !ok {
			a, b = b, a // April 1
		}
		dd, ok := digits(a)
		if !ok || len(a) > 2 {
			return 0, 0, errNotLabel
		}
		mm, err := monthWord(b)
		if err != nil {
			return 0, 0, errNotLabel
		}
		m, day = mm, dd
	default:
		return 0, 0, errNotLabel
	}
	if m < time.January || m > time.December {
		return 0, 0, fmt.Errorf("%w: month %d is outside 1 to 12", ErrOutOfRange, int(m))
	}
	if m == time.February && day == 29 {
		return 0, 0, fmt.Errorf("%w: 29 February is not in every year, so years cannot start on it", ErrOutOfRange)
	}
	if dim := daysIn(2001, m); day < 1 || day > dim {
		return 0, 0, fmt.Errorf("%w: day %d is outside 1 to %d for %s", ErrOutOfRange, day, dim, m)
	}
	return m, day, nil
}

// A PeriodCalendar divides years into thirteen reporting periods, as rail
// and some other contracts report: P1 2023/24 to P13 2023/24. It is made
// either by a rule ([NewPeriodCalendar]: years from a day of the year, each
// of thirteen 28-day periods, the first or the last taking the day or two
// over 364) or from the periods' start dates as the contract lists them
// ([ListedPeriodCalendar]).
//
// Periods are half-open spans of days [Start, End), the end of one the
// start of the next, with kind [KindRailPeriod]; their quarters (P1 to P3,
// P4 to P6, P7 to P9 and P10 to P13) have kind [KindRailQuarter], and their
// years [KindRailYear]. A year is labelled as the years of [PeriodCalendar.Years]
// label it (2023/24; 2023 for years that start in January), and a period or
// quarter with its number before the year: P5 2023/24, Q2 2023/24.
//
// PeriodCalendars are comparable with == ([PeriodCalendar.Equal]). The zero
// PeriodCalendar is not valid; [PeriodCalendar.IsZero] reports it.
type PeriodCalendar struct {
	month  uint8  // the rule's year start month; 0 for a listed calendar
	day    uint8  // the rule's year start day
	absorb Absorb // the rule's absorbing period
	label  uint8  // the month the label years start in: the rule's month, or the listed calendar's
	// starts holds a listed calendar's start dates, each as four bytes
	// (the day number, big-endian), so that the type stays comparable.
	starts string
}

// lastDate is the last valid Date, 9999-12-31.
var lastDate = Date{n: int32(unixDays(maxYear, time.December, 31) + rdUnixOffset)}

// maxListedYears bounds a listed calendar.
const maxListedYears = 200

// NewPeriodCalendar returns the calendar of years that start each year on
// day of month, each divided into thirteen 28-day periods, with the day
// (two in a year that contains 29 February) over 364 absorbed by the first
// or last period. From 1 April with the last absorbing, 2023/24 (1 April
// 2023 to 31 March 2024, 366 days) has P1 to P12 of 28 days from 1 April,
// and P13 of 30 days, 2 to 31 March 2024. Its years are labelled in years
// starting in month: 2023/24 for April, 2023 for January.
func NewPeriodCalendar(month time.Month, day int, absorb Absorb) (PeriodCalendar, error) {
	if month < time.January || month > time.December {
		return PeriodCalendar{}, fmt.Errorf("%w: a period calendar's year start month %d is outside 1 to 12", ErrOutOfRange, int(month))
	}
	if month == time.February && day == 29 {
		return PeriodCalendar{}, fmt.Errorf("%w: 29 February is not in every year, so a period calendar's years cannot start on it", ErrOutOfRange)
	}
	if dim := daysIn(2001, month); day < 1 || day > dim {
		return PeriodCalendar{}, fmt.Errorf("%w: a period calendar's year start day %d is outside 1 to %d for %s", ErrOutOfRange, day, dim, month)
	}
	if absorb != AbsorbFirst && absorb != AbsorbLast {
		return PeriodCalendar{}, fmt.Errorf("%w: a period calendar needs the period that absorbs the odd days, first or last", ErrOutOfRange)
	}
	return PeriodCalendar{month: uint8(month), day: uint8(day), absorb: absorb, label: uint8(month)}, nil
}

// ListedPeriodCalendar returns the calendar of the periods that start on the
// given dates: each year's thirteen starts in turn, P1 first, and then the
// day after the last period, which is the next year's P1 start if there is
// one: fourteen dates for one year, twenty-seven for two. The end of one
// period is the start of the next; the dates must be strictly increasing,
// and each year 364 to 371 days long (52 or 53 weeks, or a year from a
// fixed day). The calendar covers only the years listed.
//
// Each year is labelled as the year of ys that contains its middle day, so
// that a P1 starting on 31 March 2024 still begins 2024/25 in UK financial
// years; the years' labels must follow one another.
func ListedPeriodCalendar(ys Years, starts []Date) (PeriodCalendar, error) {
	n := len(starts)
	switch {
	case n < 14 || (n-1)%13 != 0:
		return PeriodCalendar{}, fmt.Errorf("%w: %d start dates do not make whole years of 13 periods: give each year's 13 starts and then the day after the last period (14 dates for one year, 27 for two)", ErrOutOfRange, n)
	case (n-1)/13 > maxListedYears:
		return PeriodCalendar{}, fmt.Errorf("%w: %d years of periods: a listed calendar has at most %d", ErrOutOfRange, (n-1)/13, maxListedYears)
	}
	var b strings.Builder
	b.Grow(4 * n)
	for i, d := range starts {
		switch {
		case d.IsZero():
			return PeriodCalendar{}, fmt.Errorf("%w: start %d is the zero Date", ErrOutOfRange, i+1)
		case d.n < 1 || d.After(lastDate):
			return PeriodCalendar{}, fmt.Errorf("%w: start %d is outside the dates 0001-01-01 to 9999-12-31", ErrOutOfRange, i+1)
		case i > 0 && !d.After(starts[i-1]):
			return PeriodCalendar{}, fmt.Errorf("%w: start %d, %s, is not after start %d, %s: the starts must increase", ErrOutOfRange, i+1, d, i, starts[i-1])
		}
		b.WriteByte(byte(uint32(d.n) >> 24))
		b.WriteByte(byte(uint32(d.n) >> 16))
		b.WriteByte(byte(uint32(d.n) >> 8))
		b.WriteByte(byte(uint32(d.n)))
	}
	c := PeriodCalendar{label: uint8(ys.Start()), starts: b.String()}
	for i := range c.listedYears() {
		a, e := c.start(13*i), c.start(13*i+13)
		if n := e.Sub(a); n < 364 || n > 371 {
			return PeriodCalendar{}, fmt.Errorf("%w: the year of periods from %s to %s is %d days: a year of thirteen periods is 364 to 371 days",
				ErrOutOfRange, a, e.AddDays(-1), n)
		}
	}
	first := c.listedLabel(0)
	for i := 1; i < c.listedYears(); i++ {
		if got, want := c.listedLabel(i), first+i; got != want {
			return PeriodCalendar{}, fmt.Errorf("%w: the year of periods from %s falls mostly in %s, but follows %s: each listed year must be the year after the one before",
				ErrOutOfRange, c.start(13*i), c.yearLabel(got, Short), c.yearLabel(want-1, Short))
		}
	}
	return c, nil
}

// start returns a listed calendar's start i.
func (c PeriodCalendar) start(i int) Date {
	s := c.starts[4*i : 4*i+4]
	return Date{n: int32(uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3]))}
}

// listedYears returns the number of years a listed calendar lists.
func (c PeriodCalendar) listedYears() int { return (len(c.starts)/4 - 1) / 13 }

// listedLabel returns the start year of the label of a listed calendar's
// year i: that of the year of c.Years() containing its middle day.
func (c PeriodCalendar) listedLabel(i int) int {
	a, b := c.start(13*i), c.start(13*i+13)
	mid := a.AddDays(b.Sub(a) / 2)
	return c.Years().Of(mid.YearMonth()).StartYear()
}

// IsZero reports whether c is the zero PeriodCalendar.
func (c PeriodCalendar) IsZero() bool { return c.label == 0 }

// IsListed reports whether c was made from a list of start dates.
func (c PeriodCalendar) IsListed() bool { return c.starts != "" }

// Equal reports whether c and o are the same calendar.
func (c PeriodCalendar) Equal(o PeriodCalendar) bool { return c == o }

// Years returns the years c's years are labelled in: those starting in
// April (the zero Years) for a calendar from 1 April.
func (c PeriodCalendar) Years() Years {
	if c.IsZero() {
		return Years{}
	}
	return yearsFrom(time.Month(c.label))
}

// YearStart returns the month and day the years of a calendar made by
// [NewPeriodCalendar] start on, or zeros for a listed calendar.
func (c PeriodCalendar) YearStart() (time.Month, int) { return time.Month(c.month), int(c.day) }

// Absorb returns the period that absorbs the odd days in a calendar made by
// [NewPeriodCalendar], or zero for a listed calendar.
func (c PeriodCalendar) Absorb() Absorb { return c.absorb }

// Starts returns the dates a listed calendar was made from, or nil.
func (c PeriodCalendar) Starts() []Date {
	if !c.IsListed() {
		return nil
	}
	ds := make([]Date, len(c.starts)/4)
	for i := range ds {
		ds[i] = c.start(i)
	}
	return ds
}

// String describes c: "13 periods a year from 1 April, the last absorbing
// the odd days", or "13 periods a year as listed, 2023-04-01 to 2025-03-29".
func (c PeriodCalendar) String() string {
	switch {
	case c.IsZero():
		return "no period calendar"
	case c.IsListed():
		return fmt.Sprintf("13 periods a year as listed, %s to %s", c.start(0), c.start(len(c.starts)/4-1).AddDays(-1))
	}
	return fmt.Sprintf("13 periods a year from %d %s, the %s absorbing the odd days", c.day, time.Month(c.month), c.absorb)
}

// yearLabel writes the label of the year starting in y.
func (c PeriodCalendar) yearLabel(y int, style Style) string {
	m := time.Month(c.label)
	return yearLabel(y, m, style) + fromSuffix(m, style)
}

// yearRange returns the first and last start years of the years c covers.
func (c PeriodCalendar) yearRange() (first, last int) {
	if c.IsListed() {
		f := c.listedLabel(0)
		return f, f + c.listedYears() - 1
	}
	return minYear, maxYear - 1
}

// periodStart returns the start of period k (1 to 13) of the year that
// starts in y, or for k 14 the start of the next year. y must be in range.
func (c PeriodCalendar) periodStart(y, k int) Date {
	if c.IsListed() {
		first, _ := c.yearRange()
		return c.start(13*(y-first) + k - 1)
	}
	s := c.ruleStart(y)
	if k == 1 {
		return s
	}
	e := c.ruleStart(y + 1)
	if k == 14 {
		return e
	}
	if c.absorb == AbsorbFirst {
		return s.AddDays(e.Sub(s) - 364 + 28*(k-1))
	}
	return s.AddDays(28 * (k - 1))
}

// ruleStart returns the day the year starting in y starts on, by the rule.
func (c PeriodCalendar) ruleStart(y int) Date {
	return Date{n: int32(unixDays(y, time.Month(c.month), int(c.day)) + rdUnixOffset)}
}

// build returns the period of kind k from period a to b (exclusive) of
// the year starting in y; num is its number.
func (c PeriodCalendar) build(kind Kind, y, a, b, num int) Period {
	return Period{kind: kind, start: c.periodStart(y, a), end: c.periodStart(y, b), ystart: time.Month(c.label), num: uint8(num), ryear: int16(y)}
}

// checkYear returns an error unless c covers the year starting in y.
func (c PeriodCalendar) checkYear(y int) error {
	if c.IsZero() {
		return fmt.Errorf("%w: the zero PeriodCalendar has no periods", ErrOutOfRange)
	}
	first, last := c.yearRange()
	if y < first || y > last {
		return fmt.Errorf("%w: %s is outside the period calendar's years, %s to %s", ErrOutOfRange,
			c.yearLabel(y, Short), c.yearLabel(first, Short), c.yearLabel(last, Short))
	}
	return nil
}

// Period returns period n (1 to 13) of the year that starts in startYear:
// Period(5, 2023) is P5 2023/24 in years from April.
func (c PeriodCalendar) Period(n, startYear int) (Period, error) {
	if n < 1 || n > 13 {
		return Period{}, fmt.Errorf("%w: period %d is outside 1 to 13", ErrOutOfRange, n)
	}
	if err := c.checkYear(startYear); err != nil {
		return Period{}, err
	}
	return c.build(KindRailPeriod, startYear, n, n+1, n), nil
}

// quarterBounds returns the first period of quarter q and the one after
// its last: P1, P4, P7, P10 and P14.
var quarterBounds = [...]int{1, 4, 7, 10, 14}

// Quarter returns quarter q (1 to 4) of the year that starts in startYear:
// P1 to P3, P4 to P6, P7 to P9, or P10 to P13.
func (c PeriodCalendar) Quarter(q, startYear int) (Period, error) {
	if q < 1 || q > 4 {
		return Period{}, fmt.Errorf("%w: quarter %d is outside 1 to 4", ErrOutOfRange, q)
	}
	if err := c.checkYear(startYear); err != nil {
		return Period{}, err
	}
	return c.build(KindRailQuarter, startYear, quarterBounds[q-1], quarterBounds[q], q), nil
}

// Year returns the year that starts in startYear, P1 to P13: Year(2023) is
// 2023/24 in years from April.
func (c PeriodCalendar) Year(startYear int) (Period, error) {
	if err := c.checkYear(startYear); err != nil {
		return Period{}, err
	}
	return c.build(KindRailYear, startYear, 1, 14, 0), nil
}

// YearBefore returns the period, quarter or year of c a year before p, a
// period, quarter or year of c: P5 2022/23 for P5 2023/24. It is an error
// for p to be of another kind, or for c not to cover the year before.
func (c PeriodCalendar) YearBefore(p Period) (Period, error) {
	y := int(p.ryear) - 1
	switch p.kind {
	case KindRailPeriod:
		return c.Period(int(p.num), y)
	case KindRailQuarter:
		return c.Quarter(int(p.num), y)
	case KindRailYear:
		return c.Year(y)
	}
	return Period{}, fmt.Errorf("%w: %s is not a period, quarter or year of a period calendar", ErrOutOfRange, p)
}

// locate returns the start year of the year containing d and the number
// of the period containing it.
func (c PeriodCalendar) locate(d Date) (y, k int, err error) {
	if c.IsZero() {
		return 0, 0, fmt.Errorf("%w: the zero PeriodCalendar has no periods", ErrOutOfRange)
	}
	if d.IsZero() {
		return 0, 0, fmt.Errorf("%w: the zero Date is in no period", ErrOutOfRange)
	}
	if c.IsListed() {
		n := len(c.starts) / 4
		if d.Before(c.start(0)) || !d.Before(c.start(n-1)) {
			return 0, 0, fmt.Errorf("%w: %s is outside the period calendar, which runs from %s to %s", ErrOutOfRange, d, c.start(0), c.start(n-1).AddDays(-1))
		}
		// The last start at or before d.
		j := sort.Search(n, func(i int) bool { return c.start(i).After(d) }) - 1
		first, _ := c.yearRange()
		return first + j/13, j%13 + 1, nil
	}
	y = d.Year()
	if d.Before(c.ruleStart(y)) {
		y--
	}
	if y < minYear || y > maxYear-1 {
		return 0, 0, fmt.Errorf("%w: %s is outside the period calendar's years", ErrOutOfRange, d)
	}
	s := c.ruleStart(y)
	odd := c.ruleStart(y+1).Sub(s) - 364
	off := d.Sub(s)
	if c.absorb == AbsorbFirst {
		if off < 28+odd {
			return y, 1, nil
		}
		return y, (off-odd)/28 + 1, nil
	}
	return y, min(off/28+1, 13), nil
}

// PeriodOf returns the period that contains day d. A day outside a listed
// calendar's years, or outside the years 0001 to 9998, is an error.
func (c PeriodCalendar) PeriodOf(d Date) (Period, error) {
	y, k, err := c.locate(d)
	if err != nil {
		return Period{}, err
	}
	return c.build(KindRailPeriod, y, k, k+1, k), nil
}

// YearOf returns the year that contains day d.
func (c PeriodCalendar) YearOf(d Date) (Period, error) {
	y, _, err := c.locate(d)
	if err != nil {
		return Period{}, err
	}
	return c.build(KindRailYear, y, 1, 14, 0), nil
}

// Periods yields, in order, the periods of c whose last day falls within
// p: the thirteen of a year, the three or four of a quarter, the one or two
// that end in a month.
func (c PeriodCalendar) Periods(p Period) iter.Seq[Period] {
	return func(yield func(Period) bool) {
		if c.IsZero() || p.IsZero() || !p.start.Before(p.end) {
			return
		}
		q, err := c.PeriodOf(p.start)
		if err != nil {
			if !c.IsListed() || !p.start.Before(c.start(0)) {
				return
			}
			q, _ = c.PeriodOf(c.start(0))
		}
		for q.end.AddDays(-1).Before(p.end) {
			if !q.end.AddDays(-1).Before(p.start) && !yield(q) {
				return
			}
			if q, err = c.PeriodOf(q.end); err != nil {
				return
			}
		}
	}
}

// lastEndingIn returns the last period whose last day falls in m.
func (c PeriodCalendar) lastEndingIn(m Month) (Period, bool) {
	var last Period
	for q := range c.Periods(m.Period()) {
		last = q
	}
	return last, !last.IsZero()
}

const periodLabelForms = "a period such as P5 2023/24, P05 2023/24 or Period 5 2023/24; a quarter of periods (Q2 2023/24); " +
	"a year of periods (2023/24); or " + labelForms

// Parse parses a label in c: a period (P5 2023/24, P05 2023/24, Period 5
// 2023/24, p5 2023/2024), a quarter of periods (Q2 2023/24, Quarter Two
// 2023/24) or a year of periods (2023/24; 2023 where c's years start in
// January), with the year as c's years write it; and any other label
// [Years.Parse] reads (a month, a run of days), in c's years. Words are not
// case-sensitive. A year label may end "from Apr" only where that is the
// month c's years are labelled from. Anything else is a [*ParseError].
func (c PeriodCalendar) Parse(s string) (Period, error) { return c.ParseIn(c.Years(), s) }

// ParseIn is [PeriodCalendar.Parse], but reads the labels that are not the
// calendar's (a month, a half, a year to date, a run of months or days) in
// years ys, as [Years.Parse] does: a contract whose years start in October
// and whose periods start on 1 April reads H1 2023/24 as October 2023 to
// March 2024, and P1 2023/24 from 1 April 2023.
func (c PeriodCalendar) ParseIn(ys Years, s string) (Period, error) {
	p, err := c.parse(ys, s)
	if err != nil {
		pe := &ParseError{What: "period label", Input: s, Expected: periodLabelForms}
		if !errors.Is(err, errNotLabel) && !errors.Is(err, errNotMonth) {
			pe.Err = err
		}
		return Period{}, pe
	}
	return p, nil
}

func (c PeriodCalendar) parse(ys Years, s string) (Period, error) {
	if c.IsZero() {
		return Period{}, errors.New("the zero PeriodCalendar reads no labels")
	}
	if len(s) > MaxLabel {
		return Period{}, fmt.Errorf("it is %d characters long: a period label has at most %d", len(s), MaxLabel)
	}
	f := strings.Fields(s)
	start := time.Month(c.label)
	from := ""
	if n := len(f); n >= 3 && strings.EqualFold(f[n-2], "from") {
		from, f = f[n-1], f[:n-2]
	}
	kind, num, tok := Kind(0), 0, ""
	switch {
	case len(f) == 2 && len(f[0]) >= 2 && (f[0][0] == 'P' || f[0][0] == 'p'):
		n, ok := digits(f[0][1:])
		if !ok || len(f[0]) > 3 {
			return Period{}, errNotLabel
		}
		kind, num, tok = KindRailPeriod, n, f[1]
	case len(f) == 3 && strings.EqualFold(f[0], "period"):
		n, ok := digits(f[1])
		if !ok || len(f[1]) > 2 {
			return Period{}, errNotLabel
		}
		kind, num, tok = KindRailPeriod, n, f[2]
	case len(f) == 2 && len(f[0]) == 2 && (f[0][0] == 'Q' || f[0][0] == 'q'):
		n, ok := digits(f[0][1:])
		if !ok {
			return Period{}, errNotLabel
		}
		kind, num, tok = KindRailQuarter, n, f[1]
	case len(f) == 3 && strings.EqualFold(f[0], "quarter"):
		n, ok := numberWord(f[1])
		if !ok {
			return Period{}, errNotLabel
		}
		kind, num, tok = KindRailQuarter, n, f[2]
	case len(f) == 1 && (strings.Contains(f[0], "/") || (len(f[0]) == 4 && !strings.Contains(f[0], "-"))):
		kind, tok = KindRailYear, f[0]
	default:
		return ys.parse(s) // with its "from", if any
	}
	if from != "" {
		m, err := monthWord(from)
		if err != nil {
			return Period{}, errors.New("the word after \"from\" must name the month the year starts in")
		}
		if m != start {
			return Period{}, fmt.Errorf("the period calendar's years are labelled from %s, not %s", start, m)
		}
	}
	y, err := parseYearToken(tok, start, from != "")
	if err != nil {
		return Period{}, err
	}
	if y.First().Month() != start {
		return Period{}, fmt.Errorf("the period calendar's years are labelled %s, not %s", c.yearLabel(y.StartYear(), Short), y)
	}
	switch kind {
	case KindRailPeriod:
		if num < 1 || num > 13 {
			return Period{}, fmt.Errorf("%w: period %d: a year has 13 periods, P1 to P13", ErrOutOfRange, num)
		}
		return c.Period(num, y.StartYear())
	case KindRailQuarter:
		return c.Quarter(num, y.StartYear())
	}
	return c.Year(y.StartYear())
}

// IsPeriodLabel reports whether s has the form of a label only a
// [PeriodCalendar] reads, a period of thirteen (P5 2023/24, Period 5
// 2023/24), whatever the calendar: a command can accept it before it has
// the contract whose calendar reads it.
func IsPeriodLabel(s string) bool {
	if len(s) > MaxLabel {
		return false
	}
	f := strings.Fields(s)
	if n := len(f); n >= 3 && strings.EqualFold(f[n-2], "from") {
		f = f[:n-2]
	}
	switch {
	case len(f) == 2 && len(f[0]) >= 2 && len(f[0]) <= 3 && (f[0][0] == 'P' || f[0][0] == 'p'):
		_, ok := digits(f[0][1:])
		return ok
	case len(f) == 3 && strings.EqualFold(f[0], "period"):
		_, ok := digits(f[1])
		return ok && len(f[1]) <= 2
	}
	return false
}
