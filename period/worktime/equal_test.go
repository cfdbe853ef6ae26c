package worktime_test

import (
	"encoding"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

// TestCmpEqual shows that go-cmp, with no options, compares every exported
// type of the package without panicking, through the Equal methods where a
// type has unexported fields or a location: equal values are equal and
// different values differ.
func TestCmpEqual(t *testing.T) {
	nine := period.Must(worktime.ParseTimeOfDay("09:00"))
	hours := period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00"))
	clock := func(stop string) worktime.Clock {
		return period.Must(worktime.NewClock(
			change(at(2016, time.April, 4, 9, 0), worktime.ClockStart),
			change(at(2016, time.April, 4, 10, 0), worktime.ClockPause),
			change(at(2016, time.April, 4, 11, 0), worktime.ClockResume),
			change(period.Must(time.Parse(time.RFC3339, stop)), worktime.ClockStop)))
	}
	spec := func(to period.Date) worktime.CalendarSpec {
		return worktime.CalendarSpec{Hours: hours, From: date(2016, time.April, 1), To: to,
			Holidays:   []period.Date{date(2016, time.May, 2)},
			Closures:   []worktime.Closure{{Start: at(2016, time.April, 5, 9, 0), End: at(2016, time.April, 5, 12, 0)}},
			ClosedDays: []period.Date{date(2016, time.April, 8)}}
	}
	// The same instant in UTC and in London: Equal compares instants.
	utcSpec := spec(date(2016, time.July, 1))
	utcSpec.Closures = []worktime.Closure{{Start: at(2016, time.April, 5, 9, 0).UTC(), End: at(2016, time.April, 5, 12, 0).UTC()}}
	utcSpec.Location = london
	cal := func(s worktime.CalendarSpec) *worktime.Calendar { return period.Must(worktime.NewCalendar(s)) }
	tests := []struct {
		name       string
		a, same, b any
	}{
		{"TimeOfDay", nine, worktime.TimeOfDay(9 * 3600), worktime.EndOfDay},
		{"Span", worktime.Span{Start: nine, End: worktime.EndOfDay}, worktime.Span{Start: nine, End: worktime.EndOfDay}, worktime.Span{End: nine}},
		{"Hours", hours, period.Must(worktime.ParseHours("Mon,Tue,Wed,Thu,Fri 09:00-12:00,12:00-17:00")), period.Must(worktime.ParseHours("24x7"))},
		{"ClockEvent", worktime.ClockPause, worktime.ClockPause, worktime.ClockStop},
		{"Clock", clock("2016-04-04T15:00:00+01:00"), clock("2016-04-04T14:00:00Z"), clock("2016-04-04T16:00:00+01:00")},
		{"zero Clock", worktime.Clock{}, worktime.Clock{}, clock("2016-04-04T15:00:00+01:00")},
		{"Closure", worktime.Closure{Start: at(2016, time.April, 5, 9, 0)}, worktime.Closure{Start: at(2016, time.April, 5, 9, 0)}, worktime.Closure{}},
		{"StatusChange", change(at(2016, time.April, 4, 9, 0), worktime.ClockStart), change(at(2016, time.April, 4, 9, 0), worktime.ClockStart), change(at(2016, time.April, 4, 9, 0), worktime.ClockStop)},
		{"CalendarSpec", spec(date(2016, time.July, 1)), utcSpec, spec(date(2016, time.August, 1))},
		{"Calendar", cal(spec(date(2016, time.July, 1))), cal(utcSpec), cal(spec(date(2016, time.August, 1)))},
		{"nil Calendar", (*worktime.Calendar)(nil), (*worktime.Calendar)(nil), cal(spec(date(2016, time.July, 1)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.True(t, cmp.Equal(tt.a, tt.same), "%v and %v", tt.a, tt.same)
			assert.False(t, cmp.Equal(tt.a, tt.b), "%v and %v", tt.a, tt.b)
		})
	}
}

// TestMarshalTextRoundTrip writes each type the package documentation says
// implements encoding.TextMarshaler, reads the text back with its
// UnmarshalText, and gets an Equal value.
func TestMarshalTextRoundTrip(t *testing.T) {
	roundTrip(t, period.Must(worktime.ParseHours("Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00")), "Mon-Fri 09:00-12:30,13:30-17:00; Sat 09:00-13:00")
	roundTrip(t, worktime.Hours{}, "closed")
	roundTrip(t, period.Must(worktime.ParseTimeOfDay("17:30:15")), "17:30:15")
	roundTrip(t, worktime.EndOfDay, "24:00")
	roundTrip(t, worktime.Midnight, "00:00")
	for e := worktime.ClockStart; e <= worktime.ClockStop; e++ {
		roundTrip(t, e, e.String())
	}
}

// roundTrip checks that v writes text and reads it back as a value equal
// to v.
func roundTrip[T encoding.TextMarshaler, PT interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, v T, text string) {
	t.Helper()
	b, err := v.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, text, string(b))
	var back T
	require.NoError(t, PT(&back).UnmarshalText(b))
	assert.True(t, cmp.Equal(v, back), "%q reads back as %v, want %v", b, back, v)
}

func TestMarshalTextInvalid(t *testing.T) {
	for _, v := range []encoding.TextMarshaler{worktime.ClockEvent(0), worktime.ClockEvent(5), worktime.TimeOfDay(-1), worktime.EndOfDay + 1} {
		_, err := v.MarshalText()
		assert.ErrorIs(t, err, period.ErrOutOfRange, "%v", v)
	}
	var e worktime.ClockEvent
	var pe *period.ParseError
	assert.ErrorAs(t, e.UnmarshalText([]byte("paused")), &pe)
	var tod worktime.TimeOfDay
	assert.ErrorAs(t, tod.UnmarshalText([]byte("25:00")), &pe)
	assert.ErrorIs(t, tod.UnmarshalText([]byte("25:00")), period.ErrOutOfRange)
}

// TestParseErrorsNameWorktime checks that each of worktime's parsers names its
// own package in its errors, not period's. Expected texts are written from
// period.ParseError's documented form: "<package>: cannot read <quoted input>
// as <what> (want <expected>)".
func TestParseErrorsNameWorktime(t *testing.T) {
	_, errClock := worktime.ParseClockEvent("paused")
	_, errTime := worktime.ParseTimeOfDay("noon")
	_, errHours := worktime.ParseHours("")
	for name, err := range map[string]error{"ParseClockEvent": errClock, "ParseTimeOfDay": errTime, "ParseHours": errHours} {
		var pe *period.ParseError
		require.ErrorAs(t, err, &pe, name)
		assert.Equal(t, "worktime", pe.Package, name)
		assert.True(t, strings.HasPrefix(err.Error(), "worktime: cannot read "), "%s: %v", name, err)
	}
	assert.Equal(t, `worktime: cannot read "paused" as a clock event (want start, pause, resume or stop)`, errClock.Error())
}
