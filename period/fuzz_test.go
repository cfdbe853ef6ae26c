package period

import (
	"errors"
	"testing"
	"time"
)

// The fuzz targets check that parsing never panics and that whatever parses
// formats back, in every style, to text that parses to the same value.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016-04-01", "2016-02-29", "2015-02-29", "0001-01-01", "9999-12-31", "", "2016-4-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v; formatted %q parses to %v, %v", s, d, d.String(), back, err)
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2016-04", "Apr-16", "April 2016", "Apr-2016", "Dec-1999", "", "Sept-16"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			return
		}
		for _, style := range []Style{ISO, Short, Long} {
			text := m.Label(style)
			back, err := ParseMonth(text)
			if err != nil || back != m {
				t.Fatalf("ParseMonth(%q) = %v; style %d %q parses to %v, %v", s, m, style, text, back, err)
			}
		}
	})
}

func FuzzParseLabel(f *testing.F) {
	for _, s := range []string{
		"Apr-16", "April 2016", "2016-04", "2016/17", "2016/2017", "Q1 2016/17", "Quarter One 2016/2017",
		"YTD 2016/17", "YTD 2016/17 to Aug-16", "H2 2016/17", "2016", "Q1 2016", "Apr-16 to Jun-16",
		"2016-04-01..2016-04-28", "2016/17 from Sep", "Q2 2016/17 from September", "9998/99", "0001/02",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseLabel(s)
		if err != nil {
			return
		}
		if p.IsZero() || p.End().Before(p.Start()) {
			t.Fatalf("ParseLabel(%q) = %#v", s, p)
		}
		for _, style := range []Style{ISO, Short, Long} {
			text := p.Label(style)
			back, err := ParseLabel(text)
			if err != nil || back != p {
				t.Fatalf("ParseLabel(%q) = %v; style %d %q parses to %v, %v", s, p, style, text, back, err)
			}
		}
		b, err := p.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText of %q: %v", s, err)
		}
		var back Period
		if err := back.UnmarshalText(b); err != nil || back != p {
			t.Fatalf("text round trip of %q: %v, %v", s, back, err)
		}
	})
}

func FuzzParseFrequency(f *testing.F) {
	for _, s := range []string{"Monthly", "6 Monthly", "quarterly due Jan", "every 2 months due Feb", "four-weekly from 2016-04-01", "Annual", "annual from Oct", "quarterly due Jan from Feb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fr, err := ParseFrequency(s)
		if err != nil {
			return
		}
		if fr.IsZero() {
			t.Fatalf("ParseFrequency(%q) gave the zero Frequency", s)
		}
		back, err := ParseFrequency(fr.String())
		if err != nil || back != fr {
			t.Fatalf("ParseFrequency(%q) = %v; %q parses to %v, %v", s, fr, fr.String(), back, err)
		}
	})
}

// FuzzYearsParseFrequency parses a frequency in years that start in any
// month: whatever parses is written by FormatFrequency in the same years,
// and by String and MarshalText, to text that reads back as the same
// frequency; its periods are the quarters, halves or years of the years it
// says it measures.
func FuzzYearsParseFrequency(f *testing.F) {
	for _, c := range []struct {
		s     string
		start uint8
	}{
		{"Monthly", 4}, {"quarterly", 10}, {"Annual", 10}, {"annual", 1}, {"6 Monthly", 10}, {"quarterly due Jan", 10},
		{"annual due Sep from Apr", 10}, {"every 3 months from Jul", 4}, {"four-weekly from 2016-04-01", 10}, {"half-yearly due March", 2},
	} {
		f.Add(c.s, c.start)
	}
	f.Fuzz(func(t *testing.T, s string, start uint8) {
		ys, err := YearsStarting(time.Month(start%12 + 1))
		if err != nil {
			t.Fatal(err)
		}
		fr, err := ys.ParseFrequency(s)
		if err != nil {
			return
		}
		if fr.IsZero() {
			t.Fatalf("ParseFrequency(%q) gave the zero Frequency", s)
		}
		text := ys.FormatFrequency(fr)
		if back, err := ys.ParseFrequency(text); err != nil || back != fr {
			t.Fatalf("%v.ParseFrequency(%q) = %#v; %q parses to %#v, %v", ys.Start(), s, fr, text, back, err)
		}
		if back, err := ParseFrequency(fr.String()); err != nil || back != fr {
			t.Fatalf("%v.ParseFrequency(%q) = %#v; String %q parses to %#v, %v", ys.Start(), s, fr, fr.String(), back, err)
		}
		b, _ := fr.MarshalText()
		var u Frequency
		if err := u.UnmarshalText(b); err != nil || u != fr {
			t.Fatalf("text round trip of %q: %v, %v", s, u, err)
		}
		if fr.Months() == 0 {
			return
		}
		m := Must(NewMonth(2016, time.June))
		p := fr.PeriodOf(m)
		if !p.ContainsMonth(m) || !fr.Due(p.LastMonth()) || p.NumMonths() != fr.Months() {
			t.Fatalf("%q: %v is not the measurement period of %v", s, p, m)
		}
		// A frequency measured in years from another month than April has
		// periods that are those years' quarters, halves or years.
		if start := fr.YearStart(); start != time.April {
			if y, ok := p.Year(); !ok || y.First().Month() != start || p.Kind() == KindMonths {
				t.Fatalf("%q in years from %v: %v is not a part of a year from %v", s, ys.Start(), p, start)
			}
		}
	})
}

// FuzzAddDays steps a valid date by any number of days: the result is
// always a valid date that parses back, it is the exact step where
// AddDaysChecked accepts it, and it is 0001-01-01 or 9999-12-31 where
// AddDaysChecked refuses it.
func FuzzAddDays(f *testing.F) {
	f.Add(int32(1), int64(-1))
	f.Add(int32(maxDayNumber), int64(1))
	f.Add(int32(738000), int64(1)<<40)
	f.Add(int32(738000), int64(-1)<<63)
	f.Fuzz(func(t *testing.T, day int32, n int64) {
		from := Date{n: 1 + int32(uint32(day)%maxDayNumber)}
		got := from.AddDays(int(n))
		back, err := ParseDate(got.String())
		if err != nil || back != got {
			t.Fatalf("%s plus %d days is %s, which parses as %v, %v", from, n, got, back, err)
		}
		checked, err := from.AddDaysChecked(int(n))
		switch {
		case err == nil && (checked != got || got.Sub(from) != int(n)):
			t.Fatalf("%s plus %d days: AddDays gives %s, AddDaysChecked %s", from, n, got, checked)
		case err != nil && (!errors.Is(err, ErrOutOfRange) || (got != d(1, time.January, 1) && got != lastDate)):
			t.Fatalf("%s plus %d days: AddDays gives %s, AddDaysChecked %v", from, n, got, err)
		}
	})
}
