package period

import (
	"fmt"
	"iter"
	"time"
)

// A Kind says what shape a [Period] has, and so how it is labelled.
type Kind uint8

// The kinds of period. The zero Kind belongs only to the zero Period.
const (
	KindMonth       Kind = iota + 1 // one calendar month: Apr-16
	KindQuarter                     // a quarter of a year: Q1 2016/17
	KindHalf                        // a half of a year: H1 2016/17
	KindYear                        // a financial or contract year: 2016/17
	KindYearToDate                  // from the start of a year through a month: YTD 2016/17 to Aug-16
	KindMonths                      // any run of whole months: Apr-16 to Jun-16
	KindDays                        // any run of days: 2016-04-01..2016-04-28
	KindRailPeriod                  // one of a year's thirteen periods: P5 2023/24 (see [PeriodCalendar])
	KindRailQuarter                 // a quarter of a year of periods, P1-P3, P4-P6, P7-P9 or P10-P13: Q2 2023/24
	KindRailYear                    // a year of thirteen periods: 2023/24
)

var kindNames = [...]string{"", "month", "quarter", "half", "year", "year to date", "months", "days", "rail period", "rail quarter", "rail year"}

// String returns the kind's name: "month", "quarter", "year to date".
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// A Style chooses how labels are written.
type Style uint8

// The label styles. ISO is the default and the form used in files and JSON.
const (
	ISO   Style = iota // 2016-04, 2016/17, Q1 2016/17, 2016-04..2016-06
	Short              // Apr-16, 2016/17, Q1 2016/17, Apr-16 to Jun-16
	Long               // April 2016, 2016/2017, Quarter One 2016/2017
)

// A Period is a half-open span of civil days [Start, End) with a shape: a
// month, a quarter, a half, a year, a year to date, a run of months or a run
// of days; or a period of a [PeriodCalendar], a quarter or a year of them.
// Periods are built from a [Month], a [Year], [MonthRange], [DateRange], a
// [PeriodCalendar] or by parsing a label; they are comparable with == and
// [Period.Equal]. The zero Period is empty and has no kind.
type Period struct {
	kind       Kind
	start, end Date       // [start, end)
	ystart     time.Month // the first month of the year it belongs to, for labels
	// For the kinds of a [PeriodCalendar]: the period or quarter number,
	// and the start year of the year's label; zero for every other kind.
	num   uint8
	ryear int16
}

// MonthRange returns the months from first through last, both included: the
// half-open span from the first day of first to the first day of the month
// after last. A range that matches a month, quarter, half or UK financial year
// is given that kind; otherwise it is of kind [KindMonths].
func MonthRange(first, last Month) (Period, error) {
	if first.IsZero() || last.IsZero() {
		return Period{}, fmt.Errorf("%w: a month range needs two valid months", ErrOutOfRange)
	}
	if last.Before(first) {
		return Period{}, fmt.Errorf("%w: the range %s to %s ends before it starts", ErrOutOfRange, first, last)
	}
	return classify(first, last.AddMonths(1), defaultYearStart), nil
}

// DateRange returns the half-open span of days [start, end): end is the day
// after the last day. It is an error for end to come before start; an empty
// range (start equal to end) is allowed. The period has kind [KindDays].
func DateRange(start, end Date) (Period, error) {
	if start.IsZero() || end.IsZero() {
		return Period{}, fmt.Errorf("%w: a date range needs two valid dates", ErrOutOfRange)
	}
	if end.Before(start) {
		return Period{}, fmt.Errorf("%w: the range %s to %s ends before it starts", ErrOutOfRange, start, end)
	}
	return Period{kind: KindDays, start: start, end: end, ystart: defaultYearStart}, nil
}

// classify builds the period [first, end) of whole months and gives it the
// most specific kind its shape has in years starting in ystart.
func classify(first, end Month, ystart time.Month) Period {
	p := Period{kind: KindMonths, start: first.First(), end: end.First(), ystart: ystart}
	n := end.Sub(first)
	off := int(floorMod(int32(first.Month())-int32(ystart), 12))
	switch {
	case n == 1:
		p.kind = KindMonth
	case n == 3 && off%3 == 0:
		p.kind = KindQuarter
	case n == 6 && off%6 == 0:
		p.kind = KindHalf
	case n == 12 && off == 0:
		p.kind = KindYear
	}
	if p.kind == KindMonth || p.kind == KindMonths {
		// Months and runs of months do not belong to a way of counting years;
		// keep one representation so that == compares days and shape only.
		p.ystart = defaultYearStart
	}
	return p
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.kind == 0 }

// Kind returns the shape of p.
func (p Period) Kind() Kind { return p.kind }

// Start returns the first day of p.
func (p Period) Start() Date { return p.start }

// End returns the day after the last day of p: p is [Start, End).
func (p Period) End() Date { return p.end }

// Last returns the last day of p. For an empty range it is the day before
// Start.
func (p Period) Last() Date { return p.end.AddDays(-1) }

// Days returns the number of days in p.
func (p Period) Days() int { return p.end.Sub(p.start) }

// Contains reports whether day d falls in p.
func (p Period) Contains(d Date) bool { return !d.Before(p.start) && d.Before(p.end) }

// ContainsMonth reports whether the whole of month m falls in p.
func (p Period) ContainsMonth(m Month) bool {
	return !m.First().Before(p.start) && !p.end.Before(m.AddMonths(1).First())
}

// Overlaps reports whether p and o share at least one day.
func (p Period) Overlaps(o Period) bool { return p.start.Before(o.end) && o.start.Before(p.end) }

// FirstMonth returns the month p starts in.
func (p Period) FirstMonth() Month { return p.start.YearMonth() }

// LastMonth returns the month of the last day of p.
func (p Period) LastMonth() Month { return p.Last().YearMonth() }

// Months yields, in order, the whole months that fall in p. For a period of
// whole months that is every month of it; a [KindDays] range yields only the
// months it covers entirely.
func (p Period) Months() iter.Seq[Month] {
	return func(yield func(Month) bool) {
		for m := p.FirstMonth(); !m.First().After(p.Last()); m = m.AddMonths(1) {
			if p.ContainsMonth(m) && !yield(m) {
				return
			}
		}
	}
}

// NumMonths returns the number of whole months in p.
func (p Period) NumMonths() int {
	n := 0
	for range p.Months() {
		n++
	}
	return n
}

// EachDay yields the days of p in order.
func (p Period) EachDay() iter.Seq[Date] {
	return func(yield func(Date) bool) {
		for d := p.start; d.Before(p.end); d = d.AddDays(1) {
			if !yield(d) {
				return
			}
		}
	}
}

// Interval returns the instants p starts and ends in loc, as the half-open
// interval [start, end). Each boundary is the start of its civil day in loc
// (see [Date.In]), so a month that contains a clock change is an hour shorter
// or longer than its days times 24 hours.
func (p Period) Interval(loc *time.Location) (start, end time.Time) {
	return p.start.In(loc), p.end.In(loc)
}

// Year returns the year p belongs to, for periods of kind quarter, half, year
// and year to date, and for a month its UK financial year; ok is false for
// the other kinds, including those of a [PeriodCalendar], whose years are
// not runs of months.
func (p Period) Year() (y Year, ok bool) {
	switch p.kind {
	case KindMonth, KindQuarter, KindHalf, KindYear, KindYearToDate:
		ys := Years{start: p.ystart}
		if p.ystart == defaultYearStart {
			ys = Years{}
		}
		return ys.Of(p.FirstMonth()), true
	}
	return Year{}, false
}

// Number returns the quarter (1 to 4) or half (1 or 2) p is within its year,
// the number of a rail period (1 to 13) or rail quarter (1 to 4) within its
// year of periods, or 0 for other kinds.
func (p Period) Number() int {
	if p.kind == KindRailPeriod || p.kind == KindRailQuarter {
		return int(p.num)
	}
	y, ok := p.Year()
	switch {
	case !ok:
		return 0
	case p.kind == KindQuarter:
		return p.FirstMonth().Sub(y.first)/3 + 1
	case p.kind == KindHalf:
		return p.FirstMonth().Sub(y.first)/6 + 1
	}
	return 0
}

// Equal reports whether p and o are the same period: the same days with the
// same shape.
func (p Period) Equal(o Period) bool { return p == o }

var numberWords = [...]string{"", "One", "Two", "Three", "Four"}

// Label formats p in the given style:
//
//	kind          ISO                      Short                  Long
//	month         2016-04                  Apr-16                 April 2016
//	quarter       Q1 2016/17               Q1 2016/17             Quarter One 2016/2017
//	half          H1 2016/17               H1 2016/17             Half One 2016/2017
//	year          2016/17                  2016/17                2016/2017
//	year to date  YTD 2016/17 to 2016-08   YTD 2016/17 to Aug-16  YTD 2016/2017 to August 2016
//	months        2016-04..2016-06         Apr-16 to Jun-16       April 2016 to June 2016
//	days          2016-04-01..2016-04-28   2016-04-01 to 2016-04-28 (both)
//	rail period   P5 2023/24               P5 2023/24             Period 5 2023/2024
//	rail quarter  Q2 2023/24               Q2 2023/24             Quarter Two 2023/2024
//	rail year     2023/24                  2023/24                2023/2024
//
// A year to date that runs to the end of its year is written without its
// month: YTD 2016/17. Years that start in a month other than April carry it
// (2016/17 from Sep); calendar years are written 2016. A days range is
// written with its last day, not its exclusive end. The labels of a
// [PeriodCalendar]'s periods, quarters and years are read back by its
// [PeriodCalendar.Parse], not by [ParseLabel].
func (p Period) Label(style Style) string {
	first := p.FirstMonth()
	switch p.kind {
	case KindRailPeriod, KindRailQuarter, KindRailYear:
		yl := yearLabel(int(p.ryear), p.ystart, style) + fromSuffix(p.ystart, style)
		switch {
		case p.kind == KindRailYear:
			return yl
		case p.kind == KindRailQuarter && style == Long:
			return "Quarter " + numberWords[p.num] + " " + yl
		case p.kind == KindRailQuarter:
			return fmt.Sprintf("Q%d %s", p.num, yl)
		case style == Long:
			return fmt.Sprintf("Period %d %s", p.num, yl)
		}
		return fmt.Sprintf("P%d %s", p.num, yl)
	case KindMonth:
		return first.Label(style)
	case KindQuarter, KindHalf, KindYear, KindYearToDate:
		y, _ := p.Year()
		yl := yearLabel(y.StartYear(), y.first.Month(), style)
		var s string
		switch p.kind {
		case KindQuarter, KindHalf:
			letter, word := "Q", "Quarter "
			if p.kind == KindHalf {
				letter, word = "H", "Half "
			}
			if style == Long {
				s = word + numberWords[p.Number()] + " " + yl
			} else {
				s = fmt.Sprintf("%s%d %s", letter, p.Number(), yl)
			}
		case KindYear:
			s = yl
		default:
			s = "YTD " + yl
			if last := p.LastMonth(); !last.Equal(y.Last()) {
				s += " to " + last.Label(style)
			}
		}
		return s + fromSuffix(y.first.Month(), style)
	case KindMonths:
		if style == ISO {
			return first.String() + ".." + p.LastMonth().String()
		}
		return first.Label(style) + " to " + p.LastMonth().Label(style)
	case KindDays:
		if style == ISO {
			return p.start.String() + ".." + p.Last().String()
		}
		return p.start.String() + " to " + p.Last().String()
	}
	return ""
}

// String returns the ISO label of p.
func (p Period) String() string { return p.Label(ISO) }

// MarshalText implements [encoding.TextMarshaler] with the ISO label, or an
// empty text for the zero Period.
func (p Period) MarshalText() ([]byte, error) {
	if p.IsZero() {
		return []byte{}, nil
	}
	if p.kind == KindDays && p.start.Equal(p.end) {
		return nil, fmt.Errorf("period: an empty range of days starting %s has no label", p.start)
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts every label
// [ParseLabel] accepts, and an empty text as the zero Period. It does not
// read the labels of a [PeriodCalendar] (P5 2023/24), which need the
// calendar: read them with [PeriodCalendar.Parse].
func (p *Period) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = Period{}
		return nil
	}
	v, err := ParseLabel(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
