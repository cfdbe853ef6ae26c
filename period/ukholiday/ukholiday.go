// Package ukholiday computes UK bank holidays for England and Wales, Scotland
// and Northern Ireland: the standard days by rule, the substitute days when a
// fixed-date holiday falls at a weekend, and the one-off changes proclaimed
// since 1978 (1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023).
//
// The dates agree with GOV.UK's published bank holidays for every division
// from 2012 to 2021 (the tests check them date for date) and with the one-off
// days announced since. Dates after the last proclamation the package knows
// follow the standing rules; a future one-off day must be added as a closure
// on the calendar that uses these dates.
//
// Feed the dates to a working-time calendar of package
// [github.com/kpiregime/kpiregime/period/worktime]:
//
//	hs, err := ukholiday.Holidays(ukholiday.EnglandAndWales, 2012, 2035)
//	cal, err := worktime.NewCalendar(worktime.CalendarSpec{Holidays: ukholiday.Dates(hs), ...})
package ukholiday

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kpiregime/kpiregime/period"
)

// A Division is one of the UK's three bank-holiday jurisdictions.
type Division uint8

// The divisions, named as GOV.UK names them.
const (
	EnglandAndWales Division = iota + 1
	Scotland
	NorthernIreland
)

var divisionNames = [...]string{"", "england-and-wales", "scotland", "northern-ireland"}

// String returns GOV.UK's name for the division: england-and-wales, scotland
// or northern-ireland.
func (d Division) String() string {
	if d >= EnglandAndWales && d <= NorthernIreland {
		return divisionNames[d]
	}
	return fmt.Sprintf("Division(%d)", int(d))
}

// ParseDivision reads a division by GOV.UK's name (england-and-wales,
// scotland, northern-ireland), not case-sensitively. Anything else is a
// [*period.ParseError] with Package "ukholiday".
func ParseDivision(s string) (Division, error) {
	for d := EnglandAndWales; d <= NorthernIreland; d++ {
		if strings.EqualFold(s, divisionNames[d]) {
			return d, nil
		}
	}
	return 0, &period.ParseError{Package: "ukholiday", What: "division", Input: s, Expected: "england-and-wales, scotland or northern-ireland"}
}

// A Holiday is one bank holiday as observed.
type Holiday struct {
	Date period.Date
	// ID is GOV.UK's title for the holiday: new_year, 2nd_january,
	// st_patrick, good_friday, easter_monday, early_may, early_may_ve, spring,
	// summer, battle_boyne, st_andrew, christmas, boxing_day, or for one-off
	// days millennium, royal_wedding, queen_golden, queen_diamond,
	// queen_platinum, queen_state_funeral, coronation.
	ID string
	// Name is the holiday's name in English.
	Name string
	// Substitute is true for a day observed in place of another: a fixed-date
	// holiday that fell at a weekend, or a standard day moved by proclamation
	// (the spring bank holiday of 2012, moved to 4 June).
	Substitute bool
	// Extra is true for a one-off day that is not a standard holiday moved
	// (the Diamond Jubilee, the State Funeral, the Coronation). A caller who
	// does not observe such days can leave them out with [WithoutExtras].
	Extra bool
}

// FirstYear is the first year whose holidays the rules here describe: early
// May bank holiday began in 1978.
const FirstYear = 1978

// An Option changes which holidays [Holidays] returns. The interface is
// sealed: options come from this package's functions.
type Option interface{ apply(*config) }

type config struct {
	skipAllExtras bool
	skip          map[string]bool
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithoutExtras leaves out one-off extra days: those named by ID, or every
// one of them when no ID is given. Standard days that a proclamation moved
// (spring 2012, early May 2020) stay, on their moved dates.
func WithoutExtras(ids ...string) Option {
	return optionFunc(func(c *config) {
		if len(ids) == 0 {
			c.skipAllExtras = true
			return
		}
		if c.skip == nil {
			c.skip = map[string]bool{}
		}
		for _, id := range ids {
			c.skip[id] = true
		}
	})
}

// Holidays returns the bank holidays of division div in the calendar years
// fromYear to toYear inclusive, in date order. Years before [FirstYear] or
// after 9998 are an error, as is an unknown division or an unknown ID given to
// [WithoutExtras].
func Holidays(div Division, fromYear, toYear int, opts ...Option) ([]Holiday, error) {
	if div < EnglandAndWales || div > NorthernIreland {
		return nil, fmt.Errorf("ukholiday: unknown division %d", int(div))
	}
	if fromYear < FirstYear || toYear > 9998 || toYear < fromYear {
		return nil, fmt.Errorf("ukholiday: years %d to %d: want %d <= from <= to <= 9998", fromYear, toYear, FirstYear)
	}
	var c config
	for _, o := range opts {
		o.apply(&c)
	}
	for id := range c.skip {
		if !isExtraID(id) {
			return nil, fmt.Errorf("ukholiday: %q is not a one-off extra day (want one of %s)", id, strings.Join(extraIDs(), ", "))
		}
	}
	var out []Holiday
	for y := fromYear; y <= toYear; y++ {
		for _, h := range yearHolidays(div, y) {
			if h.Extra && (c.skipAllExtras || c.skip[h.ID]) {
				continue
			}
			out = append(out, h)
		}
	}
	return out, nil
}

// Dates returns the dates of hs, for
// [github.com/kpiregime/kpiregime/period/worktime.CalendarSpec].
func Dates(hs []Holiday) []period.Date {
	ds := make([]period.Date, len(hs))
	for i, h := range hs {
		ds[i] = h.Date
	}
	return ds
}

// oneOff is a proclaimed change for one year.
type oneOff struct {
	year int
	// moves replaces a standard day: the holiday with this ID is observed on
	// the given date instead (as a substitute).
	moveID string
	moveTo time.Month
	moveOn int
	// extra adds a day.
	extraID, extraName string
	extraOn            time.Month
	extraDay           int
}

// oneOffs lists the proclamations from 1978 on. They apply in all three
// divisions.
var oneOffs = []oneOff{
	// VE Day's 50th anniversary: early May moved from 1 May to Monday 8 May.
	{year: 1995, moveID: "early_may", moveTo: time.May, moveOn: 8},
	// The Millennium.
	{year: 1999, extraID: "millennium", extraName: "Millennium Day", extraOn: time.December, extraDay: 31},
	// The Golden Jubilee: spring moved from 27 May to Tuesday 4 June, and
	// Monday 3 June added. (Both dates are certain; which one the
	// proclamation called the extra day only matters to WithoutExtras.)
	{year: 2002, moveID: "spring", moveTo: time.June, moveOn: 4, extraID: "queen_golden", extraName: "Queen’s Golden Jubilee", extraOn: time.June, extraDay: 3},
	// The wedding of Prince William and Catherine Middleton.
	{year: 2011, extraID: "royal_wedding", extraName: "Royal wedding", extraOn: time.April, extraDay: 29},
	// The Diamond Jubilee: spring moved to Monday 4 June, Tuesday 5 June added.
	{year: 2012, moveID: "spring", moveTo: time.June, moveOn: 4, extraID: "queen_diamond", extraName: "Queen’s Diamond Jubilee", extraOn: time.June, extraDay: 5},
	// VE Day's 75th anniversary: early May moved to Friday 8 May.
	{year: 2020, moveID: "early_may", moveTo: time.May, moveOn: 8},
	// The Platinum Jubilee: spring moved to Thursday 2 June, Friday 3 June added.
	{year: 2022, moveID: "spring", moveTo: time.June, moveOn: 2, extraID: "queen_platinum", extraName: "Platinum Jubilee bank holiday", extraOn: time.June, extraDay: 3},
	// The State Funeral of Queen Elizabeth II.
	{year: 2022, extraID: "queen_state_funeral", extraName: "Bank Holiday for the State Funeral of Queen Elizabeth II", extraOn: time.September, extraDay: 19},
	// The Coronation of King Charles III.
	{year: 2023, extraID: "coronation", extraName: "Bank holiday for the coronation of King Charles III", extraOn: time.May, extraDay: 8},
}

func isExtraID(id string) bool { return slices.Contains(extraIDs(), id) }

func extraIDs() []string {
	var ids []string
	for _, o := range oneOffs {
		if o.extraID != "" {
			ids = append(ids, o.extraID)
		}
	}
	return ids
}

func date(y int, m time.Month, d int) period.Date { return period.Must(period.NewDate(y, m, d)) }

// nthWeekday returns the nth (1-based) weekday wd of month m, or with n = -1
// the last.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) period.Date {
	if n > 0 {
		first := date(y, m, 1)
		off := (int(wd) - int(first.Weekday()) + 7) % 7
		return first.AddDays(off + 7*(n-1))
	}
	last := date(y, m, 1).AddMonths(1).AddDays(-1)
	off := (int(last.Weekday()) - int(wd) + 7) % 7
	return last.AddDays(-off)
}

// easter returns Easter Sunday in the Gregorian calendar (the anonymous
// Gregorian algorithm, as given by Meeus).
func easter(y int) period.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

func isWeekend(d period.Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// yearHolidays computes one division's holidays for year y.
func yearHolidays(div Division, y int) []Holiday {
	b := &yearBuilder{taken: map[period.Date]bool{}}
	b.ruleDays(div, y)
	b.proclaimed(y)
	b.fixedDates(div, y)
	slices.SortFunc(b.hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return b.hs
}

// A yearBuilder collects one year's holidays and the dates they take.
type yearBuilder struct {
	hs    []Holiday
	taken map[period.Date]bool
}

func (b *yearBuilder) add(h Holiday) {
	b.hs = append(b.hs, h)
	b.taken[h.Date] = true
}

// ruleDays adds the days set by rule on weekdays: Easter and the Mondays of
// May and August.
func (b *yearBuilder) ruleDays(div Division, y int) {
	e := easter(y)
	b.add(Holiday{Date: e.AddDays(-2), ID: "good_friday", Name: "Good Friday"})
	if div != Scotland {
		b.add(Holiday{Date: e.AddDays(1), ID: "easter_monday", Name: "Easter Monday"})
	}
	b.add(Holiday{Date: nthWeekday(y, time.May, time.Monday, 1), ID: "early_may", Name: "Early May bank holiday"})
	b.add(Holiday{Date: nthWeekday(y, time.May, time.Monday, -1), ID: "spring", Name: "Spring bank holiday"})
	if div == Scotland {
		b.add(Holiday{Date: nthWeekday(y, time.August, time.Monday, 1), ID: "summer", Name: "Summer bank holiday"})
	} else {
		b.add(Holiday{Date: nthWeekday(y, time.August, time.Monday, -1), ID: "summer", Name: "Summer bank holiday"})
	}
}

// proclaimed applies the year's proclaimed changes: days moved, and extra
// days.
func (b *yearBuilder) proclaimed(y int) {
	for _, o := range oneOffs {
		if o.year != y {
			continue
		}
		if o.moveID != "" {
			for i := range b.hs {
				h := &b.hs[i]
				if h.ID != o.moveID {
					continue
				}
				delete(b.taken, h.Date)
				h.Date = date(y, o.moveTo, o.moveOn)
				h.Substitute = true
				if o.moveID == "early_may" && y == 2020 {
					h.ID = "early_may_ve"
					h.Name = "Early May bank holiday (VE day)"
				}
				b.taken[h.Date] = true
			}
		}
		if o.extraID != "" {
			b.add(Holiday{Date: date(y, o.extraOn, o.extraDay), ID: o.extraID, Name: o.extraName, Extra: true})
		}
	}
}

// A fixedDay is a holiday on a fixed date.
type fixedDay struct {
	id, name string
	m        time.Month
	d        int
}

// fixedDates adds the holidays on fixed dates: those on weekdays hold their
// day; those at a weekend move, in date order, to the next weekday that is
// not already a holiday. So when Christmas is a Saturday, Christmas moves to
// Monday 27 and Boxing Day to Tuesday 28; when Christmas is a Sunday, Boxing
// Day keeps Monday 26 and Christmas moves to Tuesday 27.
func (b *yearBuilder) fixedDates(div Division, y int) {
	days := []fixedDay{{"new_year", "New Year’s Day", time.January, 1}}
	if div == Scotland {
		days = append(days, fixedDay{"2nd_january", "2nd January", time.January, 2})
	}
	if div == NorthernIreland {
		days = append(days,
			fixedDay{"st_patrick", "St Patrick’s Day", time.March, 17},
			fixedDay{"battle_boyne", "Battle of the Boyne (Orangemen’s Day)", time.July, 12})
	}
	if div == Scotland && y >= 2007 {
		days = append(days, fixedDay{"st_andrew", "St Andrew’s Day", time.November, 30})
	}
	days = append(days,
		fixedDay{"christmas", "Christmas Day", time.December, 25},
		fixedDay{"boxing_day", "Boxing Day", time.December, 26})
	var weekend []fixedDay
	for _, f := range days {
		if d := date(y, f.m, f.d); isWeekend(d) {
			weekend = append(weekend, f)
		} else {
			b.add(Holiday{Date: d, ID: f.id, Name: f.name})
		}
	}
	for _, f := range weekend {
		d := date(y, f.m, f.d)
		for isWeekend(d) || b.taken[d] {
			d = d.AddDays(1)
		}
		b.add(Holiday{Date: d, ID: f.id, Name: f.name + " (substitute day)", Substitute: true})
	}
}
