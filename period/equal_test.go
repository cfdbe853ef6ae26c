package period

import (
	"encoding"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCmpEqual shows that go-cmp, with no options, compares every exported
// type of the package without panicking, through the Equal methods where a
// type has unexported fields: equal values are equal and different values
// differ.
func TestCmpEqual(t *testing.T) {
	fy := Must(FinancialYear(2016))
	sep := Must(YearsStarting(time.September))
	rail := Must(NewPeriodCalendar(time.April, 1, AbsorbLast))
	tests := []struct {
		name       string
		a, same, b any
	}{
		{"Date", d(2016, time.April, 1), d(2016, time.April, 1), d(2016, time.April, 2)},
		{"Month", mo(2016, time.April), mo(2016, time.April), mo(2016, time.May)},
		{"Year", fy, Must(FinancialYear(2016)), Must(FinancialYear(2017))},
		{"Years", sep, Must(YearsStarting(time.September)), Years{}},
		{"Years from April", Years{}, Must(YearsStarting(time.April)), sep},
		{"Period", Must(fy.Quarter(1)), Must(ParseLabel("Q1 2016/17")), Must(fy.Quarter(2))},
		{"Frequency", Quarterly(), Must(ParseFrequency("quarterly")), sep.Quarterly()},
		{"PeriodCalendar", rail, Must(NewPeriodCalendar(time.April, 1, AbsorbLast)), Must(NewPeriodCalendar(time.April, 1, AbsorbFirst))},
		{"Kind", KindMonth, KindMonth, KindQuarter},
		{"Style", Short, Short, Long},
		{"Absorb", AbsorbLast, AbsorbLast, AbsorbFirst},
		{"ParseError", &ParseError{What: "date", Input: "x"}, &ParseError{What: "date", Input: "x"}, &ParseError{What: "date", Input: "y"}},
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
// UnmarshalText, and gets the same value.
func TestMarshalTextRoundTrip(t *testing.T) {
	fy := Must(FinancialYear(2016))
	oct := Must(YearsStarting(time.October))
	tests := []struct {
		name string
		v    encoding.TextMarshaler
		text string
		back interface {
			encoding.TextUnmarshaler
			equal(any) bool
		}
	}{
		{"Date", d(2016, time.April, 1), "2016-04-01", new(eq[Date])},
		{"zero Date", Date{}, "", new(eq[Date])},
		{"Month", mo(2016, time.May), "2016-05", new(eq[Month])},
		{"Year", fy, "2016/17", new(eq[Year])},
		{"Years from October", oct, "October", new(eq[Years])},
		{"Years, UK financial", Years{}, "April", new(eq[Years])},
		{"Period", Must(fy.Quarter(1)), "Q1 2016/17", new(eq[Period])},
		{"Frequency", SixMonthly(), "six-monthly", new(eq[Frequency])},
		{"Absorb last", AbsorbLast, "last", new(eq[Absorb])},
		{"Absorb first", AbsorbFirst, "first", new(eq[Absorb])},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			require.NoError(t, tt.back.UnmarshalText(b))
			assert.True(t, tt.back.equal(tt.v), "%q reads back as %v, want %v", b, tt.back, tt.v)
		})
	}
}

// eq adapts a type with UnmarshalText to the round-trip test, comparing
// with == as the package documentation says each type compares.
type eq[T comparable] struct{ v T }

func (e *eq[T]) UnmarshalText(b []byte) error {
	return any(&e.v).(encoding.TextUnmarshaler).UnmarshalText(b)
}

func (e *eq[T]) equal(o any) bool { w, ok := o.(T); return ok && e.v == w }

func TestYearsUnmarshalText(t *testing.T) {
	for in, want := range map[string]time.Month{"September": time.September, "oct": time.October, "JANUARY": time.January, "": time.April, "Apr": time.April} {
		var ys Years
		require.NoError(t, ys.UnmarshalText([]byte(in)), in)
		assert.Equal(t, want, ys.Start(), in)
	}
	for _, in := range []string{"Sept", "13", " April", "Q1"} {
		var ys Years
		err := ys.UnmarshalText([]byte(in))
		var pe *ParseError
		require.ErrorAs(t, err, &pe, in)
		assert.Equal(t, in, pe.Input)
		assert.Equal(t, "year start month", pe.What)
	}
	assert.True(t, Must(YearsStarting(time.April)).IsZero())
	assert.False(t, Must(YearsStarting(time.May)).IsZero())
}

func TestAbsorbMarshalTextInvalid(t *testing.T) {
	for _, a := range []Absorb{0, 3, 255} {
		_, err := a.MarshalText()
		assert.ErrorIs(t, err, ErrOutOfRange, "%v", a)
	}
	var a Absorb
	err := a.UnmarshalText([]byte("middle"))
	var pe *ParseError
	assert.True(t, errors.As(err, &pe))
}

// TestAddDaysSaturates shows that AddDays never steps to the zero Date or
// past 9999-12-31, where a date would not parse back, and that
// AddDaysChecked reports such a step.
func TestAddDaysSaturates(t *testing.T) {
	first, last := d(1, time.January, 1), d(9999, time.December, 31)
	assert.Equal(t, lastDate, last)
	assert.EqualValues(t, maxDayNumber, last.n)
	tests := []struct {
		name string
		from Date
		n    int
		want Date
		ok   bool
	}{
		{"within range", d(2016, time.February, 28), 2, d(2016, time.March, 1), true},
		{"to the last date", d(9999, time.December, 30), 1, last, true},
		{"past the last date", last, 1, last, false},
		{"far past the last date", first, 1 << 62, last, false},
		{"to the first date", d(1, time.January, 2), -1, first, true},
		{"before the first date", first, -1, first, false},
		{"far before the first date", last, -1 << 62, first, false},
		{"most negative int", last, -1 << 63, first, false},
		{"zero Date", Date{}, 1, Date{}, false},
		{"zero Date by nothing", Date{}, 0, Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.from.AddDays(tt.n)
			assert.Equal(t, tt.want, got)
			if !got.IsZero() {
				back, err := ParseDate(got.String())
				require.NoError(t, err)
				assert.Equal(t, got, back)
			}
			checked, err := tt.from.AddDaysChecked(tt.n)
			if tt.ok {
				require.NoError(t, err)
				assert.Equal(t, tt.want, checked)
			} else {
				assert.ErrorIs(t, err, ErrOutOfRange)
				assert.True(t, checked.IsZero())
			}
		})
	}
}
