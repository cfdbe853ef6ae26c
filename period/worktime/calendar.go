package worktime

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// ErrOutsideCalendar is wrapped by every error for an instant or a date
// outside the span a [Calendar] was built for. A calendar never guesses at
// working time it does not know.
var ErrOutsideCalendar = errors.New("outside the calendar's span")

// ErrReversed is wrapped by the error [Calendar.Elapsed] returns when the end
// comes before the start.
var ErrReversed = errors.New("end before start")

// A CalendarSpec describes a working-time calendar, for [NewCalendar].
type CalendarSpec struct {
	// Location is the zone the working hours are read in. Nil means
	// Europe/London.
	Location *time.Location
	// Hours are the weekly working hours. They must have some working time.
	Hours Hours
	// From and To are the span of days the calendar covers, [From, To).
	// Queries outside it are errors.
	From, To period.Date
	// Holidays are days with no working time: bank holidays, typically from
	// package ukholiday. Days outside [From, To) are ignored.
	Holidays []period.Date
	// ClosedDays are further whole days with no working time: an office
	// closure between Christmas and New Year, say.
	ClosedDays []period.Date
	// Closures are stretches of time with no working time, as half-open
	// instants [Start, End): a system outage agreed as relief, an afternoon
	// closure.
	Closures []Closure
}

// Equal reports whether s and o describe the same calendar field by field:
// locations by name (nil is Europe/London), hours with [Hours.Equal], the
// lists in the same order, and closures' instants with [time.Time.Equal].
// [github.com/google/go-cmp/cmp.Equal] uses this method, as it cannot look
// inside a [time.Location].
func (s CalendarSpec) Equal(o CalendarSpec) bool {
	return locationName(s.Location) == locationName(o.Location) && s.Hours.Equal(o.Hours) &&
		s.From == o.From && s.To == o.To &&
		slices.Equal(s.Holidays, o.Holidays) && slices.Equal(s.ClosedDays, o.ClosedDays) &&
		slices.EqualFunc(s.Closures, o.Closures, Closure.Equal)
}

// locationName is the name of loc, with nil meaning Europe/London as in a
// [CalendarSpec].
func locationName(loc *time.Location) string {
	if loc == nil {
		return "Europe/London"
	}
	return loc.String()
}

// A Closure is a half-open stretch of time [Start, End) when no working time
// accrues.
type Closure struct {
	Start, End time.Time
}

// Equal reports whether c and o start and end at the same instants, compared
// with [time.Time.Equal].
func (c Closure) Equal(o Closure) bool { return c.Start.Equal(o.Start) && c.End.Equal(o.End) }

// A Calendar is working time in a location: weekly hours, less holidays and
// closures, over a fixed span of days. It answers how much working time lies
// between two instants ([Calendar.Elapsed]), when a business duration from an
// instant runs out ([Calendar.Deadline]), and which day is the nth working day
// after another ([Calendar.DeadlineWorkingDays]).
//
// Working time is built per civil date from the wall clock in the
// calendar's location, so on the days the clocks change a 24x7 desk has a
// 23-hour and a 25-hour day, and 09:00 is always 09:00 local time.
//
// A Calendar is immutable once built and safe for concurrent use. Its
// queries take O(1) (Elapsed) or O(log n) (deadlines) time and allocate
// nothing unless they fail.
type Calendar struct {
	loc   *time.Location
	hours Hours
	from  period.Date // day 0
	// days[i] describes day i; days[n] is a sentinel holding the end of the
	// span and the number of intervals.
	days []calDay
	// ivs are the working intervals in order; ivs[len-1] is a sentinel
	// whose cum is the total working time of the span.
	ivs []interval
	// lo and hi bound the span in Unix seconds, for a cheap range check;
	// startNs and endNs bound it in Unix nanoseconds; total is its working
	// time.
	lo, hi         int64
	startNs, endNs int64
	// dayBase is startNs plus the most any day starts after startNs plus
	// whole days, for dayOf's estimate.
	dayBase int64
	total   int64
	// span is [from, from+n days), for Span and error messages; it comes
	// last, away from the fields queries read.
	span period.Period
}

// calDay is one local day of a calendar.
type calDay struct {
	start int64 // the instant the day starts, in Unix nanoseconds
	// ws and wl are the start and length of the day's one working interval
	// (ws = start and wl = 0 for a day with none); wl is -1 for a day with
	// several, which cumOnDay reads from ivs.
	ws, wl  int64
	cum     int64 // the working time in the span before the day
	first   int32 // the index of its first working interval
	working int32 // the number of working days before it in the span
}

// interval is a working interval [start, end) in Unix nanoseconds, with the
// working time in the span before it.
type interval struct {
	start, end, cum int64
}

// maxCalendarDays bounds the span of one calendar, to keep its tables small.
const maxCalendarDays = 200 * 366

// A calendar holds instants as Unix nanoseconds, which reach from 1678 to
// 2262; its span must lie well within that.
const (
	minCalendarYear = 1700
	maxCalendarYear = 2200
)

// NewCalendar builds a calendar. Its span must lie within the years 1700 to
// 2200 and be at most 200 years long. It reports every problem in the spec at
// once.
func NewCalendar(spec CalendarSpec) (*Calendar, error) {
	loc, n, err := spec.check()
	if err != nil {
		return nil, fmt.Errorf("worktime: bad calendar: %w", err)
	}
	off := make([]bool, n)
	for _, list := range [][]period.Date{spec.Holidays, spec.ClosedDays} {
		for _, d := range list {
			if i := d.Sub(spec.From); i >= 0 && i < n {
				off[i] = true
			}
		}
	}
	closures := slices.Clone(spec.Closures)
	slices.SortFunc(closures, func(a, b Closure) int { return a.Start.Compare(b.Start) })

	// The checks make [From, To) a valid range.
	span, _ := period.DateRange(spec.From, spec.To)
	c := &Calendar{
		loc:   loc,
		hours: spec.Hours,
		from:  spec.From,
		span:  span,
		days:  make([]calDay, n+1),
	}
	// Estimate the intervals to allocate once.
	perWeek := 0
	for _, spans := range spec.Hours.week {
		perWeek += len(spans)
	}
	c.ivs = make([]interval, 0, n/7*perWeek+perWeek+1)
	c.build(spec, off, closures)
	return c, nil
}

// check validates the spec, returning its location (Europe/London for nil)
// and the number of days in its span, or every problem found, joined.
func (spec *CalendarSpec) check() (*time.Location, int, error) {
	var errs []error
	loc := spec.Location
	if loc == nil {
		var err error
		if loc, err = time.LoadLocation("Europe/London"); err != nil {
			errs = append(errs, fmt.Errorf("location: loading Europe/London: %w", err))
		}
	}
	if spec.Hours.IsZero() {
		errs = append(errs, errors.New("hours: the calendar has no working time"))
	}
	n := spec.To.Sub(spec.From)
	switch {
	case spec.From.IsZero() || spec.To.IsZero():
		errs = append(errs, errors.New("from, to: a calendar needs the span of days it covers"))
	case n <= 0:
		errs = append(errs, fmt.Errorf("to: %s is not after from %s", spec.To, spec.From))
	case n > maxCalendarDays:
		errs = append(errs, fmt.Errorf("to: a span of %d days is more than the %d a calendar covers", n, maxCalendarDays))
	case spec.From.Year() < minCalendarYear || spec.To.Year() > maxCalendarYear:
		errs = append(errs, fmt.Errorf("from, to: a calendar covers years %d to %d, not %s to %s", minCalendarYear, maxCalendarYear, spec.From, spec.To))
	}
	for i, c := range spec.Closures {
		if !c.End.After(c.Start) {
			errs = append(errs, fmt.Errorf("closures[%d]: end %s is not after start %s", i, c.End, c.Start))
		}
		if c.Start.Year() < minCalendarYear || c.End.Year() > maxCalendarYear+1 {
			errs = append(errs, fmt.Errorf("closures[%d]: %s to %s is outside the years %d to %d", i, c.Start, c.End, minCalendarYear, maxCalendarYear))
		}
	}
	return loc, n, errors.Join(errs...)
}

// build fills the calendar's days and working intervals from the spec's
// weekly hours, less the days off and the closures (sorted by start).
func (c *Calendar) build(spec CalendarSpec, off []bool, closures []Closure) {
	n := len(off)
	var total int64
	var working int32
	ci := 0 // the first closure that may still overlap
	day, next := spec.From, spec.From.In(c.loc).UnixNano()
	for i := 0; i < n; i++ {
		d := day
		day = d.AddDays(1)
		c.days[i] = calDay{start: next, first: int32(len(c.ivs)), working: working}
		next = day.In(c.loc).UnixNano()
		if off[i] {
			continue
		}
		before := len(c.ivs)
		for _, s := range spec.Hours.week[d.Weekday()] {
			// A span to 24:00 ends where the next day starts.
			a, b := s.Start.On(d, c.loc).UnixNano(), next
			if s.End != EndOfDay {
				b = s.End.On(d, c.loc).UnixNano()
			}
			total = c.appendOpen(a, b, closures, &ci, total)
		}
		if len(c.ivs) > before {
			working++
		}
	}
	c.days[n] = calDay{start: next, first: int32(len(c.ivs)), working: working}
	c.ivs = append(c.ivs, interval{start: next, end: next, cum: total})
	c.startNs, c.endNs, c.total = c.days[0].start, next, total
	c.lo = floorDivInt64(c.startNs, int64(time.Second))
	c.hi = floorDivInt64(c.endNs, int64(time.Second))
	c.summarizeDays()
}

// appendOpen appends the working intervals of [a, b) outside the closures,
// from closures[*ci] on (advancing *ci past those that end by a), and
// returns the working time so far.
func (c *Calendar) appendOpen(a, b int64, closures []Closure, ci *int, total int64) int64 {
	for *ci < len(closures) && closures[*ci].End.UnixNano() <= a {
		*ci++
	}
	for k := *ci; k < len(closures) && a < b; k++ {
		cs, ce := closures[k].Start.UnixNano(), closures[k].End.UnixNano()
		if cs >= b {
			break
		}
		if ce <= a {
			continue
		}
		if cs > a {
			total = c.appendInterval(a, cs, total)
		}
		a = max(a, ce)
	}
	if a < b {
		total = c.appendInterval(a, b, total)
	}
	return total
}

// summarizeDays sets each day's working time before it and, for a day with
// at most one working interval, that interval, so that [Calendar.cumOnDay]
// reads one day and no interval.
func (c *Calendar) summarizeDays() {
	for i := range len(c.days) - 1 {
		d := &c.days[i]
		first, end := d.first, c.days[i+1].first
		d.cum = c.ivs[first].cum
		switch end - first {
		case 0:
			d.ws, d.wl = d.start, 0
		case 1:
			d.ws, d.wl = c.ivs[first].start, c.ivs[first].end-c.ivs[first].start
		default:
			d.wl = -1
		}
	}
	last := &c.days[len(c.days)-1]
	last.cum, last.ws = c.total, last.start
	c.dayBase = c.startNs
	for i := range c.days {
		c.dayBase = max(c.dayBase, c.days[i].start-int64(i)*nsPerDay)
	}
}

func (c *Calendar) appendInterval(a, b, total int64) int64 {
	c.ivs = append(c.ivs, interval{start: a, end: b, cum: total})
	return total + b - a
}

// Equal reports whether c and o give the same working time: the same
// location (by name), hours and span, and the same working intervals, so the
// same holidays and closures. Two nil calendars are equal.
// [github.com/google/go-cmp/cmp.Equal] uses this method.
func (c *Calendar) Equal(o *Calendar) bool {
	if c == nil || o == nil {
		return c == o
	}
	return c.loc.String() == o.loc.String() && c.hours.Equal(o.hours) && c.span == o.span &&
		slices.Equal(c.days, o.days) && slices.Equal(c.ivs, o.ivs)
}

// Location returns the zone the calendar reads wall-clock time in.
func (c *Calendar) Location() *time.Location { return c.loc }

// Hours returns the weekly working hours.
func (c *Calendar) Hours() Hours { return c.hours }

// Span returns the days the calendar covers.
func (c *Calendar) Span() period.Period { return c.span }

const nsPerDay = int64(24 * time.Hour)

// numDays returns the number of days in the span.
func (c *Calendar) numDays() int { return len(c.days) - 1 }

// end returns the instant the span ends, in Unix nanoseconds.
func (c *Calendar) end() int64 { return c.endNs }

// dayOf returns the index of the local day containing t (Unix ns), which
// must lie in [startNs, endNs).
func (c *Calendar) dayOf(t int64) int {
	days := c.days
	// Local days are 23 to 25 hours long; dayBase allows for the zone's
	// offset drifting over the span, so the estimate is never past t's day:
	// walk forward to it.
	i := max(int((t-c.dayBase)/nsPerDay), 0)
	for t >= days[i+1].start {
		i++
	}
	return i
}

// cumAt returns the working time from the start of the span to t.
func (c *Calendar) cumAt(t int64) int64 {
	if t >= c.endNs {
		return c.total
	}
	return c.cumOnDay(t, c.dayOf(t))
}

// cumAt2 returns cumAt(a) and cumAt(b) for a <= b, finding b's day from a's:
// the two are usually the same day or close.
func (c *Calendar) cumAt2(a, b int64) (int64, int64) {
	if b >= c.endNs {
		return c.cumAt(a), c.total
	}
	i, j := c.dayOf(a), c.dayOf(b)
	if da, db := &c.days[i], &c.days[j]; da.wl|db.wl >= 0 {
		return da.cumAt(a), db.cumAt(b) // both days have at most one interval
	}
	return c.cumOnDay(a, i), c.cumOnDay(b, j)
}

// cumOnDay returns the working time from the start of the span to t, which
// falls on day i.
func (c *Calendar) cumOnDay(t int64, i int) int64 {
	if d := &c.days[i]; d.wl >= 0 {
		return d.cumAt(t)
	}
	return c.cumInIntervals(t, i)
}

// cumAt returns the working time from the start of the span to t, which
// falls on d, a day with at most one working interval. There is no branch
// on where t falls: before, in or after the interval.
func (d *calDay) cumAt(t int64) int64 { return d.cum + min(max(t-d.ws, 0), d.wl) }

// cumInIntervals is cumOnDay for a day with several working intervals.
func (c *Calendar) cumInIntervals(t int64, i int) int64 {
	k, end := c.days[i].first, c.days[i+1].first
	for ; k < end; k++ {
		iv := &c.ivs[k]
		if t < iv.start {
			return iv.cum
		}
		if t < iv.end {
			return iv.cum + t - iv.start
		}
	}
	return c.ivs[end].cum
}

// instant converts t to Unix nanoseconds, checking that it lies within the
// span (its end included). The check is on seconds first, so that instants
// far outside the span, where Unix nanoseconds overflow, are refused.
func (c *Calendar) instant(t time.Time, what string) (int64, error) {
	if ns, ok := c.nanos(t); ok {
		return ns, nil
	}
	return 0, c.outside(t, what)
}

// nanos converts t to Unix nanoseconds and reports whether it lies within
// the span, its end included.
func (c *Calendar) nanos(t time.Time) (int64, bool) {
	sec := t.Unix()
	if sec < c.lo || sec > c.hi {
		return 0, false
	}
	ns := sec*int64(time.Second) + int64(t.Nanosecond())
	return ns, ns >= c.startNs && ns <= c.endNs
}

func (c *Calendar) outside(t time.Time, what string) error {
	return fmt.Errorf("worktime: %s %s is %w %s", what, t.Format(time.RFC3339Nano), ErrOutsideCalendar, c.Span())
}

// Elapsed returns the working time between a and b: the part of [a, b) that
// falls in working hours, outside holidays and closures. It is an error for a
// or b to lie outside the calendar's span, or for b to come before a.
func (c *Calendar) Elapsed(a, b time.Time) (time.Duration, error) {
	an, ok := c.nanos(a)
	if !ok {
		return 0, c.outside(a, "start")
	}
	bn, ok := c.nanos(b)
	if !ok {
		return 0, c.outside(b, "end")
	}
	if bn < an {
		return 0, fmt.Errorf("worktime: elapsed from %s to %s: %w", a.Format(time.RFC3339Nano), b.Format(time.RFC3339Nano), ErrReversed)
	}
	ca, cb := c.cumAt2(an, bn)
	return time.Duration(cb - ca), nil
}

// Deadline returns the instant at which d of working time has accrued from
// start: the earliest t with Elapsed(start, t) equal to d. A deadline that
// falls exactly at the end of a working day is that end (17:00), not the
// start of the next. This is "within 16 business hours", "within 4 working
// hours": a duration of working time. For a count of working days, see
// [Calendar.DeadlineWorkingDays]. A zero d is start itself. It is an error
// for d to be negative or for the deadline to fall beyond the span.
func (c *Calendar) Deadline(start time.Time, d time.Duration) (time.Time, error) {
	sn, err := c.instant(start, "start")
	if err != nil {
		return time.Time{}, err
	}
	if d < 0 {
		return time.Time{}, fmt.Errorf("worktime: deadline after a negative duration %s", d)
	}
	if d == 0 {
		return start, nil
	}
	target := c.cumAt(sn) + int64(d)
	k := c.intervalReaching(sn, target)
	if k < 0 {
		return time.Time{}, fmt.Errorf("worktime: %s of working time from %s runs past the end of the calendar's span %s: %w",
			d, start.Format(time.RFC3339Nano), c.Span(), ErrOutsideCalendar)
	}
	return time.Unix(0, c.ivs[k].start+target-c.ivs[k].cum).In(c.loc), nil
}

// intervalReaching returns the interval in which the working time since the
// span began reaches target (> the time at sn), or -1 past the span. It
// gallops forward from the day of sn, so it takes O(log m) steps for a
// deadline m intervals on.
func (c *Calendar) intervalReaching(sn, target int64) int {
	ivs := c.ivs
	// The answer is the last interval whose cum is below target; the search
	// looks for the first index hi with ivs[hi].cum >= target.
	lo := int(c.days[c.dayOf(min(sn, c.end()-1))].first)
	step := 1
	hi := lo + step
	for hi < len(ivs) && ivs[hi].cum < target {
		lo = hi
		step *= 2
		hi = lo + step
	}
	hi = min(hi, len(ivs))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ivs[m].cum < target {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(ivs) {
		return -1
	}
	return lo - 1
}

// DeadlineWorkingDays returns the end of working time on the nth working day
// after the day start falls on (in the calendar's location): the day of
// start itself does not count, so a ticket raised at 16:30 on a Friday has
// one working day until the close of Monday. With n = 0 it is the end of
// start's day if that is a working day, else of the next one. A working day
// is a day with any working time. This is "within 2 working days": a count
// of days, not 2 × the day's hours of working time (for that, see
// [Calendar.Deadline]).
func (c *Calendar) DeadlineWorkingDays(start time.Time, n int) (time.Time, error) {
	j, err := c.nthWorkingDay(start, n)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(0, c.ivs[c.days[j+1].first-1].end).In(c.loc), nil
}

// DeadlineWorkingDaysAt is [Calendar.DeadlineWorkingDays] with a cut-off: the
// deadline is at wall-clock time by on the nth working day after start's day,
// as in "by 16:00 on the next working day" (n = 1, by = 16:00).
func (c *Calendar) DeadlineWorkingDaysAt(start time.Time, n int, by TimeOfDay) (time.Time, error) {
	if by < Midnight || by > EndOfDay {
		return time.Time{}, fmt.Errorf("worktime: cut-off %s: %w", by, period.ErrOutOfRange)
	}
	j, err := c.nthWorkingDay(start, n)
	if err != nil {
		return time.Time{}, err
	}
	return by.On(c.from.AddDays(j), c.loc), nil
}

// nthWorkingDay returns the index of the nth working day after start's day
// (n = 0: start's day or the next working day).
func (c *Calendar) nthWorkingDay(start time.Time, n int) (int, error) {
	sn, err := c.instant(start, "start")
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, fmt.Errorf("worktime: %d working days: %w", n, period.ErrOutOfRange)
	}
	if sn == c.end() {
		return 0, fmt.Errorf("worktime: start %s is at the end of the calendar's span %s: %w", start.Format(time.RFC3339), c.Span(), ErrOutsideCalendar)
	}
	i := c.dayOf(sn)
	// The day j we want is the first with days[j+1].working == want.
	want := c.days[i+1].working + int32(n)
	if n == 0 {
		want = c.days[i].working + 1
	}
	idx, _ := slices.BinarySearchFunc(c.days, want, func(d calDay, w int32) int { return int(d.working - w) })
	if idx >= len(c.days) {
		return 0, fmt.Errorf("worktime: %d working days from %s run past the end of the calendar's span %s: %w",
			n, start.Format(time.RFC3339), c.Span(), ErrOutsideCalendar)
	}
	return idx - 1, nil
}

// IsWorkingDay reports whether d has any working time.
func (c *Calendar) IsWorkingDay(d period.Date) (bool, error) {
	i := d.Sub(c.from)
	if i < 0 || i >= c.numDays() {
		return false, fmt.Errorf("worktime: %s is %w %s", d, ErrOutsideCalendar, c.Span())
	}
	return c.days[i+1].first > c.days[i].first, nil
}

// WorkingDays returns the number of working days in [from, to).
func (c *Calendar) WorkingDays(from, to period.Date) (int, error) {
	i, j := from.Sub(c.from), to.Sub(c.from)
	n := c.numDays()
	if i < 0 || j > n || i > n || j < 0 {
		return 0, fmt.Errorf("worktime: days %s to %s are %w %s", from, to, ErrOutsideCalendar, c.Span())
	}
	if j < i {
		return 0, fmt.Errorf("worktime: working days from %s to %s: %w", from, to, ErrReversed)
	}
	return int(c.days[j].working - c.days[i].working), nil
}

// IsWorkingTime reports whether t falls in working time.
func (c *Calendar) IsWorkingTime(t time.Time) (bool, error) {
	tn, err := c.instant(t, "instant")
	if err != nil {
		return false, err
	}
	if tn == c.end() {
		return false, nil
	}
	i := c.dayOf(tn)
	for _, iv := range c.ivs[c.days[i].first:c.days[i+1].first] {
		if tn >= iv.start && tn < iv.end {
			return true, nil
		}
	}
	return false, nil
}

// WorkingTimeOn returns the working time on day d.
func (c *Calendar) WorkingTimeOn(d period.Date) (time.Duration, error) {
	i := d.Sub(c.from)
	if i < 0 || i >= c.numDays() {
		return 0, fmt.Errorf("worktime: %s is %w %s", d, ErrOutsideCalendar, c.Span())
	}
	return time.Duration(c.ivs[c.days[i+1].first].cum - c.ivs[c.days[i].first].cum), nil
}

func floorDivInt64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
