package period

import (
	"fmt"
	"iter"
	"time"
)

// defaultYearStart is the first month of a UK financial year.
const defaultYearStart = time.April

// Years says when a body's years begin: the month its financial or contract
// year starts. The zero value is the UK financial year, which starts in April,
// so that Years{}.Of(month) gives the financial year a month falls in.
//
// Years is also the label parser for such years: Years{}.Parse("Q1 2016/17")
// is April to June 2016, while a Years that starts in September reads the same
// label as September to November 2016.
type Years struct {
	start time.Month // 0 means April
}

// YearsStarting returns the years that begin in month m. Years starting in
// January are calendar years, labelled 2016 rather than 2016/17.
func YearsStarting(m time.Month) (Years, error) {
	if m < time.January || m > time.December {
		return Years{}, fmt.Errorf("%w: year start month %d is outside 1 to 12", ErrOutOfRange, int(m))
	}
	if m == defaultYearStart {
		return Years{}, nil
	}
	return Years{start: m}, nil
}

// Start returns the month the years begin in.
func (ys Years) Start() time.Month {
	if ys.start == 0 {
		return defaultYearStart
	}
	return ys.start
}

// Equal reports whether ys and o start in the same month. It is ys == o,
// and lets [github.com/google/go-cmp/cmp.Equal] compare Years.
func (ys Years) Equal(o Years) bool { return ys.Start() == o.Start() }

// IsZero reports whether ys is the zero Years, the UK financial year from
// April.
func (ys Years) IsZero() bool { return ys.Start() == defaultYearStart }

// MarshalText implements [encoding.TextMarshaler] with the name of the month
// the years start in: "April", "October".
func (ys Years) MarshalText() ([]byte, error) { return []byte(ys.Start().String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It reads the name of
// the month the years start in, full or in three letters and not
// case-sensitively ("October", "oct"), and an empty text as the zero Years,
// the UK financial year. Anything else is a [*ParseError].
func (ys *Years) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*ys = Years{}
		return nil
	}
	s := string(b)
	m, ok := monthByName(s, false)
	if !ok {
		m, ok = monthByName(s, true)
	}
	if !ok {
		return &ParseError{What: "year start month", Input: s, Expected: "the name of a month, such as April or Oct"}
	}
	*ys, _ = YearsStarting(m) // a valid month
	return nil
}

// Of returns the year that contains m.
func (ys Years) Of(m Month) Year {
	back := floorMod(int32(m.Month())-int32(ys.Start()), 12)
	return Year{first: m.AddMonths(-int(back))}
}

// Year returns the year that begins in the start month of startYear: for UK
// financial years, Years{}.Year(2016) is 2016/17, 1 April 2016 to 31 March
// 2017.
func (ys Years) Year(startYear int) (Year, error) {
	m, err := NewMonth(startYear, ys.Start())
	if err != nil {
		return Year{}, err
	}
	if last := m.AddMonths(11); last.Year() > maxYear {
		return Year{}, fmt.Errorf("%w: the year from %s runs past December %d", ErrOutOfRange, m, maxYear)
	}
	return Year{first: m}, nil
}

// Quarter returns the quarter of its year that contains m.
func (ys Years) Quarter(m Month) Period {
	y := ys.Of(m)
	q := m.Sub(y.first)/3 + 1
	p, _ := y.Quarter(q) // q is 1 to 4 by construction
	return p
}

// Half returns the half of its year that contains m.
func (ys Years) Half(m Month) Period {
	y := ys.Of(m)
	h := m.Sub(y.first)/6 + 1
	p, _ := y.Half(h) // h is 1 or 2 by construction
	return p
}

// FinancialYear returns the UK financial year that starts in April of
// startYear: FinancialYear(2016) is 2016/17.
func FinancialYear(startYear int) (Year, error) { return Years{}.Year(startYear) }

// A Year is a financial or contract year: twelve months from its first month.
// The zero Year is not valid; [Year.IsZero] reports it.
type Year struct {
	first Month
}

// IsZero reports whether y is the zero Year.
func (y Year) IsZero() bool { return y.first.IsZero() }

// First returns the first month of y.
func (y Year) First() Month { return y.first }

// Last returns the last month of y.
func (y Year) Last() Month { return y.first.AddMonths(11) }

// StartYear returns the calendar year y begins in: 2016 for 2016/17.
func (y Year) StartYear() int { return y.first.Year() }

// Years returns the way of counting years that y belongs to.
func (y Year) Years() Years {
	ys, _ := YearsStarting(y.first.Month())
	return ys
}

// Start returns the first day of y.
func (y Year) Start() Date { return y.first.First() }

// End returns the day after the last day of y: y is [Start, End).
func (y Year) End() Date { return y.first.AddMonths(12).First() }

// Contains reports whether m falls in y.
func (y Year) Contains(m Month) bool {
	return !m.Before(y.first) && m.Before(y.first.AddMonths(12))
}

// Next returns the year after y.
func (y Year) Next() Year { return Year{first: y.first.AddMonths(12)} }

// Prev returns the year before y.
func (y Year) Prev() Year { return Year{first: y.first.AddMonths(-12)} }

// Months yields the twelve months of y in order.
func (y Year) Months() iter.Seq[Month] { return monthsBetween(y.first, y.first.AddMonths(12)) }

// Period returns y as a [Period] of kind [KindYear].
func (y Year) Period() Period { return y.span(KindYear, y.first, y.first.AddMonths(12)) }

// Quarter returns quarter q (1 to 4) of y: for a UK financial year, quarter 1
// is April to June.
func (y Year) Quarter(q int) (Period, error) {
	if q < 1 || q > 4 {
		return Period{}, fmt.Errorf("%w: quarter %d is outside 1 to 4", ErrOutOfRange, q)
	}
	first := y.first.AddMonths(3 * (q - 1))
	return y.span(KindQuarter, first, first.AddMonths(3)), nil
}

// Half returns half h (1 or 2) of y: for a UK financial year, half 1 is April
// to September.
func (y Year) Half(h int) (Period, error) {
	if h < 1 || h > 2 {
		return Period{}, fmt.Errorf("%w: half %d is outside 1 to 2", ErrOutOfRange, h)
	}
	first := y.first.AddMonths(6 * (h - 1))
	return y.span(KindHalf, first, first.AddMonths(6)), nil
}

// ToDate returns the year to date: from the first month of y through the
// month through, inclusive. through must fall in y.
func (y Year) ToDate(through Month) (Period, error) {
	if !y.Contains(through) {
		return Period{}, fmt.Errorf("%w: %s is not in the year %s", ErrOutOfRange, through, y)
	}
	return y.span(KindYearToDate, y.first, through.AddMonths(1)), nil
}

func (y Year) span(k Kind, first, end Month) Period {
	return Period{kind: k, start: first.First(), end: end.First(), ystart: y.first.Month()}
}

// Equal reports whether y and o are the same year.
func (y Year) Equal(o Year) bool { return y.first == o.first }

// Label formats y: 2016/17 ([ISO] and [Short]) or 2016/2017 ([Long]). A year
// that starts in January is a calendar year, 2016. A year that starts in a
// month other than April or January carries its start month, 2016/17 from Sep
// (or from September in the long style), so that the label is never
// ambiguous.
func (y Year) Label(style Style) string {
	return yearLabel(y.first.Year(), y.first.Month(), style) + fromSuffix(y.first.Month(), style)
}

// String returns the short label of y.
func (y Year) String() string { return y.Label(Short) }

// MarshalText implements [encoding.TextMarshaler] with the short label, or an
// empty text for the zero Year.
func (y Year) MarshalText() ([]byte, error) {
	if y.IsZero() {
		return []byte{}, nil
	}
	return []byte(y.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts the year
// labels [ParseLabel] accepts (2016/17, 2016/2017, 2016, 2016/17 from Sep),
// and an empty text as the zero Year.
func (y *Year) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*y = Year{}
		return nil
	}
	p, err := ParseLabel(string(b))
	if err != nil {
		return err
	}
	if p.Kind() != KindYear {
		return &ParseError{What: "year", Input: string(b), Expected: "a year such as 2016/17 or 2016/2017"}
	}
	v, _ := p.Year()
	*y = v
	return nil
}

// yearLabel writes the year part of a label without the start suffix.
func yearLabel(startYear int, start time.Month, style Style) string {
	if start == time.January {
		return fmt.Sprintf("%04d", startYear)
	}
	if style == Long {
		return fmt.Sprintf("%04d/%04d", startYear, startYear+1)
	}
	return fmt.Sprintf("%04d/%02d", startYear, (startYear+1)%100)
}

// fromSuffix names the start month where the label would otherwise be read as
// a UK financial year or a calendar year.
func fromSuffix(start time.Month, style Style) string {
	if start == defaultYearStart || start == time.January {
		return ""
	}
	if style == Long {
		return " from " + start.String()
	}
	return " from " + start.String()[:3]
}
