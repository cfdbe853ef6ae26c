package worktime

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kpiregime/kpiregime/internal/parsetest"
	"github.com/kpiregime/kpiregime/period"
)

// d returns a date known to be valid.
func d(y int, m time.Month, day int) period.Date { return period.Must(period.NewDate(y, m, day)) }

// fuzzLongSeeds are the 1 MiB inputs added to the targets when
// KPIREGIME_FUZZ_LONG is set.
func fuzzLongSeeds() []string {
	if os.Getenv("KPIREGIME_FUZZ_LONG") == "" {
		return nil
	}
	return []string{strings.Repeat("x", 1<<20), "09:00" + strings.Repeat(" ", 1<<20)}
}

// FuzzParseTimeOfDay asserts that ParseTimeOfDay reads only HH:MM and
// HH:MM:SS, to a time from 00:00 to 24:00 whose hour, minute and second are
// the ones written, 24:00 only as itself, and that String writes back to
// the same time; and that an error is a *period.ParseError for a "time of day",
// which wraps period.ErrOutOfRange where the text has the form but a number is out
// of range (25:00, 09:60).
func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"09:00", "17:30", "24:00", "00:00", "23:59:59", "24:00:00", "24:00:01", "24:01", "25:00",
		"09:60", "9:00", "09.00", "", "0900", "+1:00", "09:00:5", "１２:００"} {
		f.Add(s)
	}
	for _, s := range fuzzLongSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tod, err := ParseTimeOfDay(s)
		// The form: HH:MM or HH:MM:SS in ASCII digits.
		fields := strings.Split(s, ":")
		form := len(fields) == 2 || len(fields) == 3
		var nums []int
		for _, fld := range fields {
			n, ok := twoDigits(fld)
			form = form && ok && len(fld) == 2
			nums = append(nums, n)
		}
		if err != nil {
			parsetest.Error(t, s, err, "time of day")
			if form != errors.Is(err, period.ErrOutOfRange) {
				t.Fatalf("%.80q (in the form HH:MM[:SS]: %v) refused with %v", s, form, err)
			}
			return
		}
		if !form {
			t.Fatalf("%.80q is not HH:MM or HH:MM:SS but reads as %v", s, tod)
		}
		if len(nums) == 2 {
			nums = append(nums, 0)
		}
		if tod < Midnight || tod > EndOfDay || tod.Hour() != nums[0] || tod.Minute() != nums[1] || tod.Second() != nums[2] {
			t.Fatalf("%q reads as %d seconds (%v)", s, int(tod), tod)
		}
		if tod == EndOfDay && s != "24:00" && s != "24:00:00" {
			t.Fatalf("%q reads as the end of the day", s)
		}
		if back, err := ParseTimeOfDay(tod.String()); err != nil || back != tod {
			t.Fatalf("%q reads as %v; its String reads as %v, %v", s, tod, back, err)
		}
	})
}

// FuzzParseClockEvent asserts that ParseClockEvent reads an ASCII text if
// and only if it is, not case-sensitively, the name of an event (start,
// pause, resume, stop), that the event read is one of the four and reads
// back from its String, that the case of ASCII letters never matters, and
// that an error is a *period.ParseError for a "clock event" that quotes a short
// input.
func FuzzParseClockEvent(f *testing.F) {
	for _, s := range []string{"start", "Pause", "RESUME", "stop", "", " start", "stopped", "ClockEvent(1)", "ſtart", "\u212a"} {
		f.Add(s)
	}
	for _, s := range fuzzLongSeeds() {
		f.Add(s)
	}
	names := map[string]ClockEvent{"start": ClockStart, "pause": ClockPause, "resume": ClockResume, "stop": ClockStop}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseClockEvent(s)
		ascii := true
		for i := 0; i < len(s); i++ {
			ascii = ascii && s[i] < 0x80
		}
		want, named := names[strings.ToLower(s)]
		switch {
		case err != nil:
			parsetest.Error(t, s, err, "clock event")
			if ascii && named {
				t.Fatalf("%q refused, but it names %v", s, want)
			}
		case e < ClockStart || e > ClockStop:
			t.Fatalf("%.80q reads as %v, not an event", s, e)
		case ascii && e != want:
			t.Fatalf("%q reads as %v, want %v (named: %v)", s, e, want, named)
		default:
			if back, err := ParseClockEvent(e.String()); err != nil || back != e {
				t.Fatalf("%.80q reads as %v; its String reads as %v, %v", s, e, back, err)
			}
		}
		swapped := []byte(s)
		for i, c := range swapped {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				swapped[i] = c ^ 0x20
			}
		}
		if e2, err2 := ParseClockEvent(string(swapped)); (err2 == nil) != (err == nil) || e2 != e {
			t.Fatalf("%.80q reads as %v, %v but %.80q as %v, %v", s, e, err, swapped, e2, err2)
		}
	})
}

// FuzzParseHours parses working hours, and builds a calendar from whatever
// parses: building never fails for hours with working time, and the
// calendar's week holds exactly the hours' weekly time.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"Mon-Fri 09:00-17:00", "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00", "24x7", "Daily 00:30-01:30", "closed", "Mon 24:00-24:00"} {
		f.Add(s)
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHours(s)
		if err != nil {
			return
		}
		back, err := ParseHours(h.String())
		if err != nil || !back.Equal(h) {
			t.Fatalf("ParseHours(%q) = %s; it parses back to %s, %v", s, h, back, err)
		}
		cal, err := NewCalendar(CalendarSpec{Location: london, Hours: h, From: d(2016, time.April, 4), To: d(2016, time.April, 18)})
		if h.IsZero() {
			if err == nil {
				t.Fatalf("a calendar with no hours built")
			}
			return
		}
		if err != nil {
			t.Fatalf("NewCalendar(%s): %v", h, err)
		}
		// 4 to 11 April 2016 is a week with no clock change.
		week, err := cal.Elapsed(d(2016, time.April, 4).In(london), d(2016, time.April, 11).In(london))
		if err != nil || week != h.Weekly() {
			t.Fatalf("a week of %s is %s, want %s (%v)", h, week, h.Weekly(), err)
		}
	})
}

// FuzzHoursUnmarshalText reads the input with Hours.UnmarshalText and
// asserts what parsetest.Text says: it reads what ParseHours reads, MarshalText
// writes what it read as text that reads back to the same hours, and an
// error is a *period.ParseError that quotes a short input.
func FuzzHoursUnmarshalText(f *testing.F) {
	for _, s := range []string{"", "Mon-Fri 09:00-17:00", "24x7", "closed", "Mon 24:00-24:00", "Daily 00:30-01:30", "x"} {
		f.Add(s)
	}
	for _, s := range fuzzLongSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parsetest.Text[Hours](t, s, ParseHours, false, "working hours")
	})
}

// FuzzClock builds clocks from arbitrary event sequences: NewClock never
// panics, and a clock it accepts has an elapsed time that is never negative
// and never more than the working time from its start.
func FuzzClock(f *testing.F) {
	f.Add([]byte{1, 0, 2, 10, 3, 20, 4, 5})
	f.Add([]byte{1, 0, 4, 200})
	f.Add([]byte{2, 0})
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	cal, err := NewCalendar(CalendarSpec{Location: london, Hours: period.Must(ParseHours("Mon-Fri 09:00-17:00")), From: d(2016, time.April, 1), To: d(2016, time.July, 1)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		// Each pair of bytes is an event and a step forward in hours (which
		// may be zero, and wraps to go backwards when above 200).
		t0 := time.Date(2016, time.April, 4, 8, 0, 0, 0, london)
		var changes []StatusChange
		now := t0
		for i := 0; i+1 < len(b) && len(changes) < 64; i += 2 {
			step := time.Duration(b[i+1]) * time.Hour / 4
			if b[i+1] > 200 {
				step = -step / 10
			}
			now = now.Add(step)
			changes = append(changes, StatusChange{At: now, Event: ClockEvent(b[i] % 6)})
		}
		c, err := NewClock(changes...)
		if err != nil {
			return
		}
		end := time.Date(2016, time.June, 30, 0, 0, 0, 0, london)
		got, err := c.Elapsed(cal, end)
		if err != nil {
			t.Fatalf("Elapsed: %v", err)
		}
		whole, _ := cal.Elapsed(c.Started(), end)
		if got < 0 || got > whole {
			t.Fatalf("elapsed %s outside 0 to %s for %v", got, whole, changes)
		}
	})
}
