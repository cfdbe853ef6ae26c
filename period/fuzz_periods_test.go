package period

import (
	"testing"
	"time"
)

// fuzzCalendar returns a calendar the fuzzer chooses: one of the tests'
// listed calendar or a rule from any valid day of the year.
func fuzzCalendar(t *testing.T, month, day uint8, first, useListed bool) PeriodCalendar {
	if useListed {
		return listed
	}
	m := time.Month(month%12 + 1)
	dd := int(day)%daysIn(2001, m) + 1
	a := AbsorbLast
	if first {
		a = AbsorbFirst
	}
	c, err := NewPeriodCalendar(m, dd, a)
	if err != nil {
		t.Fatalf("NewPeriodCalendar(%s, %d, %s): %v", m, dd, a, err)
	}
	return c
}

// FuzzPeriodCalendarParse asserts that a calendar's label parser never
// panics, that what it refuses is a *ParseError quoting the input, and that
// whatever it reads is written, in every style, as a label it reads back as
// the same period; a period of the calendar is the one its days are in.
func FuzzPeriodCalendarParse(f *testing.F) {
	for _, s := range []string{"P5 2023/24", "p05 2023/2024", "Period 13 2023/24", "Q4 2023/24", "Quarter Two 2023/24",
		"2023/24", "2023", "P1 2023", "P14 2023/24", "P5 2023/24 from Apr", "Aug-23", "2023-07-22..2023-08-18", "YTD 2023/24"} {
		f.Add(s, uint8(3), uint8(0), false, false)
		f.Add(s, uint8(0), uint8(0), true, false)
		f.Add(s, uint8(0), uint8(0), false, true)
	}
	for _, s := range fuzzLongSeeds() {
		f.Add(s, uint8(3), uint8(0), false, false)
	}
	f.Fuzz(func(t *testing.T, s string, month, day uint8, first, useListed bool) {
		c := fuzzCalendar(t, month, day, first, useListed)
		p, err := c.Parse(s)
		if err != nil {
			checkFuzzParseError(t, s, err, "period label")
			return
		}
		if p.IsZero() {
			t.Fatalf("%s: Parse(%q) gave the zero Period", c, s)
		}
		for _, style := range []Style{ISO, Short, Long} {
			back, err := c.Parse(p.Label(style))
			if err != nil || back != p {
				t.Fatalf("%s: Parse(%q) = %v; its label %q parses to %v, %v", c, s, p, p.Label(style), back, err)
			}
		}
		// In other years, the calendar's labels read the same, and the
		// others as those years read them, back and forth.
		ys := yearsFrom(time.Month(day%12 + 1))
		q, err := c.ParseIn(ys, s)
		if err != nil {
			checkFuzzParseError(t, s, err, "period label")
		} else {
			if isRailKind(p.Kind()) != isRailKind(q.Kind()) || (isRailKind(p.Kind()) && p != q) {
				t.Fatalf("%s: Parse(%q) = %v, but ParseIn(%s years) = %v", c, s, p, ys.Start(), q)
			}
			for _, style := range []Style{ISO, Short, Long} {
				if back, err := c.ParseIn(ys, q.Label(style)); err != nil || back != q {
					t.Fatalf("%s, %s years: ParseIn(%q) = %v; its label %q parses to %v, %v", c, ys.Start(), s, q, q.Label(style), back, err)
				}
			}
		}
		switch p.Kind() {
		case KindRailPeriod:
			for _, day := range []Date{p.Start(), p.Last()} {
				if q, err := c.PeriodOf(day); err != nil || q != p {
					t.Fatalf("%s: %s: PeriodOf(%s) = %v, %v", c, p, day, q, err)
				}
			}
		case KindRailQuarter, KindRailYear:
			n := 0
			at := p.Start()
			for q := range c.Periods(p) {
				if q.Start() != at {
					t.Fatalf("%s: %s: period %s does not start where the one before ended, %s", c, p, q, at)
				}
				at = q.End()
				n++
			}
			if at != p.End() || (p.Kind() == KindRailYear && n != 13) {
				t.Fatalf("%s: %s: %d periods ending %s, not tiling it", c, p, n, at)
			}
		}
	})
}

// FuzzPeriodCalendarParseFrequency asserts that a calendar reads
// frequencies without panicking, refuses with a *ParseError, and reads back
// what it writes.
func FuzzPeriodCalendarParseFrequency(f *testing.F) {
	for _, s := range []string{"periodic", "Rail Periods", "every period", "each period", "monthly", "quarterly due Jan", "four-weekly from 2016-04-01", "periodic from Apr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fr, err := fromAprilLast.ParseFrequency(Years{}, s)
		if err != nil {
			checkFuzzParseError(t, s, err, "frequency")
			return
		}
		back, err := fromAprilLast.ParseFrequency(Years{}, fr.String())
		if err != nil || back != fr {
			t.Fatalf("ParseFrequency(%q) = %v; %q parses to %v, %v", s, fr, fr.String(), back, err)
		}
	})
}

// FuzzParseYearStartDay asserts that whatever day it reads makes a
// calendar, and that what it refuses is a *ParseError quoting the input.
func FuzzParseYearStartDay(f *testing.F) {
	for _, s := range []string{"04-01", "1 April", "April 1", "02-29", "31 Apr", "13-01", "1 Smarch", "2023-04-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, day, err := ParseYearStartDay(s)
		if err != nil {
			checkFuzzParseError(t, s, err, "year start day")
			return
		}
		if _, err := NewPeriodCalendar(m, day, AbsorbLast); err != nil {
			t.Fatalf("ParseYearStartDay(%q) = %s %d, which makes no calendar: %v", s, m, day, err)
		}
	})
}

// FuzzParseAbsorb asserts that ParseAbsorb reads only first and last, and
// refuses the rest with a *ParseError.
func FuzzParseAbsorb(f *testing.F) {
	for _, s := range []string{"first", "Last", "P13", "middle", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAbsorb(s)
		if err != nil {
			checkFuzzParseError(t, s, err, "rule for the odd days")
			return
		}
		if back, err := ParseAbsorb(a.String()); err != nil || back != a {
			t.Fatalf("ParseAbsorb(%q) = %v; %q parses to %v, %v", s, a, a.String(), back, err)
		}
	})
}

// FuzzListedPeriodCalendar builds listed calendars from any run of steps:
// none panics, and one that is made tiles its years with thirteen periods
// each, every day in the period PeriodOf gives.
func FuzzListedPeriodCalendar(f *testing.F) {
	f.Add(int32(738000), []byte{28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 30})
	f.Add(int32(738000), []byte{28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 29, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28})
	f.Add(int32(1), []byte{0, 1})
	f.Fuzz(func(t *testing.T, start int32, steps []byte) {
		if len(steps) > 13*4 {
			return
		}
		ds := []Date{{n: start}}
		for _, s := range steps {
			ds = append(ds, ds[len(ds)-1].AddDays(int(s)))
		}
		c, err := ListedPeriodCalendar(Years{}, ds) // dates past 9999 included
		if err != nil {
			return
		}
		first, last := c.yearRange()
		for y := first; y <= last; y++ {
			yp, err := c.Year(y)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for q := range c.Periods(yp) {
				n++
				for _, day := range []Date{q.Start(), q.Last()} {
					if got, err := c.PeriodOf(day); err != nil || got != q {
						t.Fatalf("PeriodOf(%s) = %v, %v; want %v", day, got, err, q)
					}
				}
			}
			if n != 13 {
				t.Fatalf("%s: %d periods", yp, n)
			}
		}
	})
}

func isRailKind(k Kind) bool { return k == KindRailPeriod || k == KindRailQuarter || k == KindRailYear }
