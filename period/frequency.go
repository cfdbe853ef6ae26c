package period

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"
)

// A Frequency says how often a measure is taken and so which periods carry a
// measurement. Month-based frequencies fall due in fixed months of the year
// (a six-monthly survey due in September and March); a four-weekly frequency
// runs in 28-day periods from an anchor date; a periodic frequency in the
// thirteen periods a year of a [PeriodCalendar].
//
// A quarterly, six-monthly or annual frequency also remembers the years it is
// measured in, so that its periods are those years' quarters, halves or
// years: [Quarterly] measures the quarters of UK financial years (Q1 2016/17
// is April to June 2016), while the quarterly frequency of years from October
// ([Years.Quarterly]) measures October to December 2016 as Q1 2016/17 from Oct.
//
// Build one with [Monthly], [Quarterly], [SixMonthly], [Annual], [EveryMonths]
// [FourWeekly] or [Periodic], for years from another month with [Years.Quarterly],
// [Years.SixMonthly] and [Years.Annual], or parse one with [ParseFrequency],
// [Years.ParseFrequency] or [PeriodCalendar.ParseFrequency]. Frequencies are comparable with ==, which is
// [Frequency.Equal]. The zero Frequency is not valid; [Frequency.IsZero]
// reports it.
type Frequency struct {
	months uint8 // months between measurements; 0 for four-weekly
	due    uint8 // for month-based: the earliest due month of the year, 1 to months
	// ystart is the month the years whose quarters, halves or years the
	// periods are start in, for a quarterly, six-monthly or annual frequency
	// whose periods line up with those years; 0 means April, and is the only
	// value for every other frequency, so that == compares behaviour.
	ystart uint8
	anchor Date           // for four-weekly: the first day of a period
	cal    PeriodCalendar // for periodic: the calendar of its periods
}

// Monthly returns the frequency that falls due every month.
func Monthly() Frequency { return Frequency{months: 1, due: 1} }

// Quarterly returns the frequency that falls due at the end of each quarter of
// the UK financial year: June, September, December and March.
func Quarterly() Frequency { return Frequency{months: 3, due: 3} }

// SixMonthly returns the frequency that falls due at the end of each half of
// the UK financial year: September and March.
func SixMonthly() Frequency { return Frequency{months: 6, due: 3} }

// Annual returns the frequency that falls due at the end of the UK financial
// year, in March.
func Annual() Frequency { return Frequency{months: 12, due: 3} }

// EveryMonths returns the frequency that falls due every n months, in month
// due and every n months from it: EveryMonths(6, time.September) is due in
// September and March. n must divide 12 (1, 2, 3, 4, 6 or 12), so that the
// same months fall due every year. Its periods are classified in UK financial
// years, April to March: EveryMonths(12, time.September) measures October to
// September as a run of months, where [Years.Annual] of years from October
// measures the same months as a year.
func EveryMonths(n int, due time.Month) (Frequency, error) {
	return Years{}.everyMonths(n, due)
}

// everyMonths is [EveryMonths] in years ys: the frequency remembers ys's
// start where its periods line up with ys's quarters, halves or years.
func (ys Years) everyMonths(n int, due time.Month) (Frequency, error) {
	if n < 1 || n > 12 || 12%n != 0 {
		return Frequency{}, fmt.Errorf("%w: every %d months does not divide a year (use 1, 2, 3, 4, 6 or 12)", ErrOutOfRange, n)
	}
	if due < time.January || due > time.December {
		return Frequency{}, fmt.Errorf("%w: due month %d is outside 1 to 12", ErrOutOfRange, int(due))
	}
	f := Frequency{months: uint8(n), due: uint8((int(due)-1)%n + 1)}
	// A period ending in a due month starts n-1 months before it; it is a
	// quarter, half or year of ys when that month is ys's start plus a
	// multiple of n: when due+1 and the start month are the same modulo n.
	start := ys.Start()
	if (n == 3 || n == 6 || n == 12) && start != defaultYearStart && floorMod(int32(due)+1-int32(start), int32(n)) == 0 {
		f.ystart = uint8(start)
	}
	return f, nil
}

// Quarterly returns the frequency that falls due in the last month of each
// quarter of ys's years, and whose periods are those quarters: for years from
// October, December, March, June and September, with October to December
// 2016 as Q1 2016/17 from Oct. Years{}.Quarterly() is [Quarterly].
func (ys Years) Quarterly() Frequency { return ys.standard(3) }

// SixMonthly returns the frequency that falls due in the last month of each
// half of ys's years, and whose periods are those halves: for years from
// October, March and September. Years{}.SixMonthly() is [SixMonthly].
func (ys Years) SixMonthly() Frequency { return ys.standard(6) }

// Annual returns the frequency that falls due in the last month of each of
// ys's years, and whose periods are those years: for years from October, in
// September; for calendar years, in December. Years{}.Annual() is [Annual].
func (ys Years) Annual() Frequency { return ys.standard(12) }

// standard is the frequency every n months due at the end of each run of n
// months from ys's start: the default for ys.
func (ys Years) standard(n int) Frequency {
	f, _ := ys.everyMonths(n, ys.lastMonth()) // n divides 12 and the month is valid
	return f
}

// yearsFrom returns the years that start in month m, a valid month.
func yearsFrom(m time.Month) Years {
	if m == defaultYearStart {
		return Years{}
	}
	return Years{start: m}
}

// lastMonth returns the last month of ys's years: March for April years.
func (ys Years) lastMonth() time.Month { return time.Month(floorMod(int32(ys.Start())-2, 12) + 1) }

// FourWeekly returns the frequency of consecutive 28-day periods, one of which
// starts on anchor: thirteen periods in 364 days. Each period falls due in the
// month of its last day, so a four-weekly measure is due in every month and
// in about one month a year twice.
func FourWeekly(anchor Date) (Frequency, error) {
	if anchor.IsZero() {
		return Frequency{}, fmt.Errorf("%w: a four-weekly frequency needs an anchor date", ErrOutOfRange)
	}
	return Frequency{anchor: anchor}, nil
}

// Periodic returns the frequency that measures in the periods of c: one
// measurement for each of its thirteen periods a year, each falling due in
// the month of its last day, so that a periodic measure is due in every
// month and in about one month a year twice (as four-weekly ones are).
func Periodic(c PeriodCalendar) (Frequency, error) {
	if c.IsZero() {
		return Frequency{}, fmt.Errorf("%w: a periodic frequency needs a period calendar", ErrOutOfRange)
	}
	return Frequency{cal: c}, nil
}

// IsZero reports whether f is the zero Frequency.
func (f Frequency) IsZero() bool { return f.months == 0 && f.anchor.IsZero() && f.cal.IsZero() }

// IsPeriodic reports whether f measures in the periods of a
// [PeriodCalendar].
func (f Frequency) IsPeriodic() bool { return !f.cal.IsZero() }

// PeriodCalendar returns the calendar of a periodic frequency, or the zero
// PeriodCalendar.
func (f Frequency) PeriodCalendar() PeriodCalendar { return f.cal }

// ByDays reports whether f's measurement periods are runs of days rather
// than of months: whether it is four-weekly or periodic. Such a period has
// its own figure and is not made of the months it touches.
func (f Frequency) ByDays() bool { return f.IsFourWeekly() || f.IsPeriodic() }

// IsFourWeekly reports whether f runs in 28-day periods.
func (f Frequency) IsFourWeekly() bool { return f.months == 0 && !f.anchor.IsZero() }

// Months returns the number of months between measurements, or 0 for a
// four-weekly or periodic frequency.
func (f Frequency) Months() int { return int(f.months) }

// Anchor returns the anchor date of a four-weekly frequency, or the zero Date.
func (f Frequency) Anchor() Date { return f.anchor }

// YearStart returns the month that the years whose quarters, halves or years
// f's periods are start in: October for the quarterly frequency of years from
// October ([Years.Quarterly]). It is April, the start of the UK financial
// year, for every frequency built without a [Years], and for those whose
// periods are not parts of a year: monthly, two-monthly, four-monthly,
// four-weekly, and due months that do not line up with the years (quarterly
// due January in years from October).
func (f Frequency) YearStart() time.Month {
	if f.ystart == 0 {
		return defaultYearStart
	}
	return time.Month(f.ystart)
}

// DueMonths returns the months of the year a month-based frequency falls due
// in, January first: [March June September December] for [Quarterly]. It is
// nil for four-weekly and zero frequencies.
func (f Frequency) DueMonths() []time.Month {
	if f.months == 0 {
		return nil
	}
	var ms []time.Month
	for m := int(f.due); m <= 12; m += int(f.months) {
		ms = append(ms, time.Month(m))
	}
	return ms
}

// Due reports whether a measurement falls due in month m: whether a
// measurement period ends in it. A six-monthly survey due in September and
// March is not due in April.
func (f Frequency) Due(m Month) bool {
	switch {
	case f.months > 0:
		return (int(m.Month())-int(f.due))%int(f.months) == 0
	case f.IsFourWeekly():
		_, ok := f.lastEndingIn(m)
		return ok
	case f.IsPeriodic():
		_, ok := f.cal.lastEndingIn(m)
		return ok
	}
	return false
}

// PeriodOf returns the measurement period that month m belongs to. For a
// month-based frequency it is the run of months that ends in the next due
// month at or after m: for [Quarterly], May 2016 belongs to Q1 2016/17. A
// period that lines up with the years f is measured in ([Frequency.YearStart])
// is given its kind (quarter, half, year) in those years: for the quarterly
// frequency of years from October, November 2016 belongs to Q1 2016/17 from
// Oct. For a four-weekly frequency it is the last 28-day period that ends in
// m, and for a periodic one the last of its calendar's periods that ends in
// m (the zero Period if none does). The zero Frequency gives the zero Period.
func (f Frequency) PeriodOf(m Month) Period {
	switch {
	case f.months > 0:
		ahead := int(floorMod(int32(f.due)-int32(m.Month()), int32(f.months)))
		end := m.AddMonths(ahead + 1)
		return classify(end.AddMonths(-int(f.months)), end, f.YearStart())
	case f.IsFourWeekly():
		p, _ := f.lastEndingIn(m)
		return p
	case f.IsPeriodic():
		p, _ := f.cal.lastEndingIn(m)
		return p
	}
	return Period{}
}

// Periods yields, in order, the measurement periods that end within p: the
// measurements a report for p should contain.
func (f Frequency) Periods(p Period) iter.Seq[Period] {
	return func(yield func(Period) bool) {
		switch {
		case f.months > 0:
			for m := range p.Months() {
				if f.Due(m) && !yield(f.PeriodOf(m)) {
					return
				}
			}
		case f.IsFourWeekly():
			// The first period ending on or after p's first day.
			k := ceilDiv(p.start.Sub(f.anchor)+1, 28)
			for {
				start := f.anchor.AddDays(28 * (k - 1))
				end := start.AddDays(28)
				if !end.AddDays(-1).Before(p.end) {
					return
				}
				if !yield(Period{kind: KindDays, start: start, end: end, ystart: defaultYearStart}) {
					return
				}
				k++
			}
		case f.IsPeriodic():
			for q := range f.cal.Periods(p) {
				if !yield(q) {
					return
				}
			}
		}
	}
}

// lastEndingIn returns the last four-weekly period whose last day falls in m.
func (f Frequency) lastEndingIn(m Month) (Period, bool) {
	// Period k (k may be negative) is [anchor+28k, anchor+28k+28); its last
	// day is anchor+28k+27. Find the largest k with that day before the
	// month's end.
	k := floorDivInt(m.AddMonths(1).First().Sub(f.anchor)-28, 28)
	start := f.anchor.AddDays(28 * k)
	end := start.AddDays(28)
	if end.AddDays(-1).Before(m.First()) {
		return Period{}, false
	}
	return Period{kind: KindDays, start: start, end: end, ystart: defaultYearStart}, true
}

var freqNames = map[uint8]string{1: "monthly", 2: "two-monthly", 3: "quarterly", 4: "four-monthly", 6: "six-monthly", 12: "annual"}

// String returns the canonical form that [ParseFrequency] reads back as f:
// monthly, quarterly, six-monthly, annual, two-monthly or four-monthly,
// followed by "due Mon" when the due months are not those of UK financial
// years (quarterly due Jan), and by "from Mon" when f measures the quarters,
// halves or years of years that start in another month than April
// (quarterly from Oct, annual from Jan); "four-weekly from 2016-04-01"; or
// "periodic", which [PeriodCalendar.ParseFrequency] reads back with the
// calendar. It is Years{}.FormatFrequency(f).
func (f Frequency) String() string { return Years{}.FormatFrequency(f) }

// FormatFrequency returns the shortest form of f that ys.ParseFrequency reads
// back as f: "annual" for the annual frequency of ys's own years, "annual due
// Sep from Apr" for a frequency due in September with periods classified in
// UK financial years when ys's years start in October. A contract file that
// states its year start once writes its frequencies this way. It is empty for
// the zero Frequency.
func (ys Years) FormatFrequency(f Frequency) string {
	switch {
	case f.months > 0:
		// Try the forms from the shortest, reading each as
		// Years.ParseFrequency would: without "due", the due month is the
		// last of the years; without "from", the years are ys's.
		name := freqNames[f.months]
		n, own := int(f.months), yearsFrom(f.YearStart())
		for _, form := range []struct{ due, from bool }{{false, false}, {true, false}, {false, true}, {true, true}} {
			in := ys
			if form.from {
				in = own
			}
			due := in.lastMonth()
			if form.due {
				due = time.Month(f.due)
			}
			if g, err := in.everyMonths(n, due); err != nil || g != f {
				continue
			}
			s := name
			if form.due {
				s += " due " + time.Month(f.due).String()[:3]
			}
			if form.from {
				s += " from " + own.Start().String()[:3]
			}
			return s
		}
		return "" // unreachable: due and from together always read back as f
	case f.IsFourWeekly():
		return "four-weekly from " + f.anchor.String()
	case f.IsPeriodic():
		return "periodic"
	}
	return ""
}

// Equal reports whether f and o are the same frequency.
func (f Frequency) Equal(o Frequency) bool { return f == o }

// MarshalText implements [encoding.TextMarshaler] with the canonical form,
// or an empty text for the zero Frequency.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseFrequency] accepts, and an empty text as the zero Frequency; it
// cannot read "periodic", which needs its calendar
// ([PeriodCalendar.ParseFrequency]).
func (f *Frequency) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*f = Frequency{}
		return nil
	}
	v, err := ParseFrequency(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

const frequencyForms = "a frequency such as Monthly, Quarterly, 6 Monthly, six-monthly due Sep, Annual, " +
	"annual from Oct, every 2 months due Feb or four-weekly from 2016-04-01"

// ParseFrequency parses a measurement frequency as contract schedules write
// it, reading it in UK financial years (April to March). It is
// Years{}.ParseFrequency; see [Years.ParseFrequency] for the forms.
func ParseFrequency(s string) (Frequency, error) { return Years{}.ParseFrequency(s) }

// ParseFrequency parses a measurement frequency as contract schedules write
// it, in years that start in ys's month, not case-sensitively: monthly;
// quarterly; six-monthly, 6 monthly, 6-monthly or half-yearly; annual,
// annually or yearly; two-monthly, bi-monthly, four-monthly; every N months.
//
// Without more, a frequency falls due in the last month of each run of N
// months from the start of ys's years, and its periods are the quarters,
// halves or years of those years: in UK financial years quarterly is due in
// June, September, December and March and annual in March; in years from
// October, quarterly is due in December, March, June and September (October
// to December 2016 is Q1 2016/17 from Oct) and annual in September.
//
// It may then say "due Mon" (or the full month name) to name one month it
// falls due in, and "from Mon" to read it in years that start in that month
// instead of ys's, as year labels do ([Years.Parse]): "annual from Oct" is
// due in September whatever ys is. Where the due months line up with the
// years' quarters, halves or years, the periods are those; otherwise they are
// runs of months. Four-weekly (or 4-weekly) must end "from YYYY-MM-DD", the
// first day of one of its periods, and does not depend on ys.
//
// [Years.FormatFrequency] writes what this reads, and [Frequency.String] what
// Years{}.ParseFrequency reads.
func (ys Years) ParseFrequency(s string) (Frequency, error) {
	f, err := ys.parseFrequency(s)
	if err != nil {
		pe := &ParseError{What: "frequency", Input: s, Expected: frequencyForms}
		if err != errNotLabel {
			pe.Err = err
		}
		return Frequency{}, pe
	}
	return f, nil
}

func (ys Years) parseFrequency(s string) (Frequency, error) {
	w := strings.Fields(strings.ToLower(s))
	// Join "6 monthly" and "4 weekly" into one word.
	if len(w) >= 2 && (w[0] == "6" || w[0] == "4" || w[0] == "2") && (w[1] == "monthly" || w[1] == "weekly") {
		w = append([]string{w[0] + "-" + w[1]}, w[2:]...)
	}
	if len(w) == 0 {
		return Frequency{}, errNotLabel
	}
	if periodicWords(w) {
		return Frequency{}, errors.New("a periodic frequency is measured in the periods of a period calendar, and none is given (a contract file states it as periods)")
	}
	if w[0] == "four-weekly" || w[0] == "4-weekly" {
		if len(w) != 3 || w[1] != "from" {
			return Frequency{}, errNotLabel
		}
		d, err := ParseDate(w[2])
		if err != nil {
			return Frequency{}, err
		}
		return FourWeekly(d)
	}
	n := 0
	switch w[0] {
	case "monthly":
		n = 1
	case "two-monthly", "2-monthly", "bi-monthly", "bimonthly":
		n = 2
	case "quarterly":
		n = 3
	case "four-monthly":
		n = 4
	case "six-monthly", "6-monthly", "half-yearly", "biannual", "semi-annual", "semi-annually":
		n = 6
	case "annual", "annually", "yearly":
		n = 12
	case "every":
		if len(w) < 3 || (w[2] != "months" && w[2] != "month") {
			return Frequency{}, errNotLabel
		}
		k, ok := digits(w[1])
		if !ok || len(w[1]) > 2 {
			return Frequency{}, errNotLabel
		}
		n = k
		w = w[2:]
	default:
		return Frequency{}, errNotLabel
	}
	// What is left is the name, then "due Mon", then "from Mon", each optional.
	w = w[1:]
	var due time.Month
	if len(w) >= 2 && w[0] == "due" {
		m, err := monthWord(w[1])
		if err != nil {
			return Frequency{}, err
		}
		due, w = m, w[2:]
	}
	if len(w) >= 2 && w[0] == "from" {
		m, err := monthWord(w[1])
		if err != nil {
			return Frequency{}, err
		}
		ys, w = yearsFrom(m), w[2:]
	}
	if len(w) != 0 {
		return Frequency{}, errNotLabel
	}
	if due == 0 {
		due = ys.lastMonth()
	}
	return ys.everyMonths(n, due)
}

// periodicWords reports whether w, lower-cased words, name the periodic
// frequency: periodic, rail periods, every period or each period.
func periodicWords(w []string) bool {
	switch {
	case len(w) == 1:
		return w[0] == "periodic" || w[0] == "periodically"
	case len(w) == 2:
		return (w[0] == "rail" && w[1] == "periods") || ((w[0] == "every" || w[0] == "each") && w[1] == "period")
	}
	return false
}

// ParseFrequency parses a measurement frequency in a contract with period
// calendar c, whose other frequencies are read in years ys: "periodic" (or
// "rail periods", "every period", "each period", in any case) is
// [Periodic](c), and anything else is read by ys.ParseFrequency. It is an
// error for the zero PeriodCalendar to read "periodic".
func (c PeriodCalendar) ParseFrequency(ys Years, s string) (Frequency, error) {
	if len(s) <= MaxLabel && periodicWords(strings.Fields(strings.ToLower(s))) {
		f, err := Periodic(c)
		if err != nil {
			return Frequency{}, &ParseError{What: "frequency", Input: s, Expected: frequencyForms, Err: err}
		}
		return f, nil
	}
	return ys.ParseFrequency(s)
}

// monthWord reads a month name, abbreviated or in full.
func monthWord(s string) (time.Month, error) {
	m, ok := monthByName(s, true)
	if !ok {
		m, ok = monthByName(s, false)
	}
	if !ok {
		return 0, fmt.Errorf("%q is not a month name", s)
	}
	return m, nil
}

func floorDivInt(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int) int { return -floorDivInt(-a, b) }
