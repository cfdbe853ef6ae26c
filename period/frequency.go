package period

import (
	"fmt"
	"iter"
	"strings"
	"time"
)

// A Frequency says how often a measure is taken and so which periods carry a
// measurement. Month-based frequencies fall due in fixed months of the year
// (a six-monthly survey due in September and March); a four-weekly frequency
// runs in 28-day periods from an anchor date.
//
// Build one with [Monthly], [Quarterly], [SixMonthly], [Annual], [EveryMonths]
// or [FourWeekly], or parse one with [ParseFrequency]. The zero Frequency is
// not valid; [Frequency.IsZero] reports it.
type Frequency struct {
	months uint8 // months between measurements; 0 for four-weekly
	due    uint8 // for month-based: the earliest due month of the year, 1 to months
	anchor Date  // for four-weekly: the first day of a period
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
// same months fall due every year.
func EveryMonths(n int, due time.Month) (Frequency, error) {
	if n < 1 || n > 12 || 12%n != 0 {
		return Frequency{}, fmt.Errorf("%w: every %d months does not divide a year (use 1, 2, 3, 4, 6 or 12)", ErrOutOfRange, n)
	}
	if due < time.January || due > time.December {
		return Frequency{}, fmt.Errorf("%w: due month %d is outside 1 to 12", ErrOutOfRange, int(due))
	}
	return Frequency{months: uint8(n), due: uint8((int(due)-1)%n + 1)}, nil
}

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

// IsZero reports whether f is the zero Frequency.
func (f Frequency) IsZero() bool { return f.months == 0 && f.anchor.IsZero() }

// IsFourWeekly reports whether f runs in 28-day periods.
func (f Frequency) IsFourWeekly() bool { return f.months == 0 && !f.anchor.IsZero() }

// Months returns the number of months between measurements, or 0 for a
// four-weekly frequency.
func (f Frequency) Months() int { return int(f.months) }

// Anchor returns the anchor date of a four-weekly frequency, or the zero Date.
func (f Frequency) Anchor() Date { return f.anchor }

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
	}
	return false
}

// PeriodOf returns the measurement period that month m belongs to. For a
// month-based frequency it is the run of months that ends in the next due
// month at or after m: for [Quarterly], May 2016 belongs to Q1 2016/17. A
// period that lines up with the UK financial year is given its kind
// (quarter, half, year). For a four-weekly frequency it is the last 28-day
// period that ends in m. The zero Frequency gives the zero Period.
func (f Frequency) PeriodOf(m Month) Period {
	switch {
	case f.months > 0:
		ahead := int(floorMod(int32(f.due)-int32(m.Month()), int32(f.months)))
		end := m.AddMonths(ahead + 1)
		return classify(end.AddMonths(-int(f.months)), end, defaultYearStart)
	case f.IsFourWeekly():
		p, _ := f.lastEndingIn(m)
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

// String returns the canonical form that [ParseFrequency] reads: monthly,
// quarterly, six-monthly, annual, two-monthly, four-monthly, followed by
// "due Mon" when the due months are not the UK financial year's (quarterly
// due Jan), or "four-weekly from 2016-04-01".
func (f Frequency) String() string {
	switch {
	case f.months > 0:
		s := freqNames[f.months]
		if int(f.due) != (3-1)%int(f.months)+1 {
			s += " due " + time.Month(f.due).String()[:3]
		}
		return s
	case f.IsFourWeekly():
		return "four-weekly from " + f.anchor.String()
	}
	return ""
}

// Equal reports whether f and o are the same frequency.
func (f Frequency) Equal(o Frequency) bool { return f == o }

// MarshalText implements [encoding.TextMarshaler] with the canonical form,
// or an empty text for the zero Frequency.
func (f Frequency) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseFrequency] accepts, and an empty text as the zero Frequency.
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
	"every 2 months due Feb or four-weekly from 2016-04-01"

// ParseFrequency parses a measurement frequency as contract schedules write
// it, not case-sensitively: monthly; quarterly; six-monthly, 6 monthly,
// 6-monthly or half-yearly; annual, annually or yearly; two-monthly,
// bi-monthly, four-monthly; every N months. Each may end "due Mon" (or the
// full month name) to name one month it falls due in; without it the due
// months follow the UK financial year (quarterly is due in June, September,
// December and March). Four-weekly (or 4-weekly) must end "from YYYY-MM-DD",
// the first day of one of its periods.
func ParseFrequency(s string) (Frequency, error) {
	f, err := parseFrequency(s)
	if err != nil {
		pe := &ParseError{What: "frequency", Input: s, Expected: frequencyForms}
		if err != errNotLabel {
			pe.Err = err
		}
		return Frequency{}, pe
	}
	return f, nil
}

func parseFrequency(s string) (Frequency, error) {
	w := strings.Fields(strings.ToLower(s))
	// Join "6 monthly" and "4 weekly" into one word.
	if len(w) >= 2 && (w[0] == "6" || w[0] == "4" || w[0] == "2") && (w[1] == "monthly" || w[1] == "weekly") {
		w = append([]string{w[0] + "-" + w[1]}, w[2:]...)
	}
	if len(w) == 0 {
		return Frequency{}, errNotLabel
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
	due := time.March
	switch {
	case len(w) == 1:
	case len(w) == 3 && w[1] == "due":
		m, ok := monthByName(w[2], true)
		if !ok {
			m, ok = monthByName(w[2], false)
		}
		if !ok {
			return Frequency{}, fmt.Errorf("%q is not a month name", w[2])
		}
		due = m
	default:
		return Frequency{}, errNotLabel
	}
	return EveryMonths(n, due)
}

func floorDivInt(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int) int { return -floorDivInt(-a, b) }
