package period

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(y int, m time.Month, day int) Date { return Must(NewDate(y, m, day)) }

func TestNewDate(t *testing.T) {
	tests := []struct {
		name    string
		y       int
		m       time.Month
		d       int
		wantErr bool
	}{
		{"ordinary", 2016, time.April, 1, false},
		{"leap day 2016", 2016, time.February, 29, false},
		{"leap day 2000, divisible by 400", 2000, time.February, 29, false},
		{"no leap day 2015", 2015, time.February, 29, true},
		{"no leap day 2100, divisible by 100 not 400", 2100, time.February, 29, true},
		{"no leap day 1900", 1900, time.February, 29, true},
		{"31 April", 2016, time.April, 31, true},
		{"day 0", 2016, time.April, 0, true},
		{"month 0", 2016, 0, 1, true},
		{"month 13", 2016, 13, 1, true},
		{"year 0", 0, time.January, 1, true},
		{"year 10000", 10000, time.January, 1, true},
		{"first valid", 1, time.January, 1, false},
		{"last valid", 9999, time.December, 31, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewDate(tt.y, tt.m, tt.d)
			if tt.wantErr {
				require.Error(t, err)
				assert.ErrorIs(t, err, ErrOutOfRange)
				assert.True(t, got.IsZero())
				return
			}
			require.NoError(t, err)
			y, m, dd := got.Civil()
			assert.Equal(t, []int{tt.y, int(tt.m), tt.d}, []int{y, int(m), dd})
			assert.Equal(t, tt.y, got.Year())
			assert.Equal(t, tt.m, got.Month())
			assert.Equal(t, tt.d, got.Day())
		})
	}
}

func TestDateWeekday(t *testing.T) {
	tests := []struct {
		date Date
		want time.Weekday
	}{
		{d(1970, time.January, 1), time.Thursday},
		{d(2016, time.April, 1), time.Friday}, // seed 000's first month starts on a Friday
		{d(2000, time.January, 1), time.Saturday},
		{d(1, time.January, 1), time.Monday},
		{d(2022, time.September, 19), time.Monday}, // the State Funeral
		{d(9999, time.December, 31), time.Friday},
	}
	for _, tt := range tests {
		t.Run(tt.date.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.date.Weekday())
		})
	}
}

// TestDateAgreesWithTime checks the day-number arithmetic against the
// standard library for every day from 1599 to 2401, which spans four
// centuries of leap-year rules either side of 2000.
func TestDateAgreesWithTime(t *testing.T) {
	ref := time.Date(1599, time.January, 1, 12, 0, 0, 0, time.UTC)
	day := d(1599, time.January, 1)
	for ref.Year() < 2402 {
		y, m, dd := ref.Date()
		gy, gm, gd := day.Civil()
		if gy != y || gm != m || gd != dd || day.Weekday() != ref.Weekday() {
			t.Fatalf("day %d: got %d-%d-%d %s, want %s", day.n, gy, gm, gd, day.Weekday(), ref.Format("2006-01-02 Monday"))
		}
		if !DateOf(ref).Equal(day) {
			t.Fatalf("DateOf(%s) = %s", ref, DateOf(ref))
		}
		ref = ref.AddDate(0, 0, 1)
		day = day.AddDays(1)
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{d(2016, time.December, 31), 1, d(2017, time.January, 1)},
		{d(2017, time.January, 1), -1, d(2016, time.December, 31)},
		{d(2016, time.February, 28), 1, d(2016, time.February, 29)},
		{d(2100, time.February, 28), 1, d(2100, time.March, 1)},
		{d(2016, time.January, 1), 366, d(2017, time.January, 1)}, // 2016 has 366 days
		{d(2017, time.January, 1), 365, d(2018, time.January, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.from.String(), func(t *testing.T) {
			got := tt.from.AddDays(tt.n)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.n, got.Sub(tt.from))
		})
	}
}

func TestDateAddMonths(t *testing.T) {
	tests := []struct {
		name string
		from Date
		n    int
		want Date
	}{
		{"31 Jan to leap February", d(2016, time.January, 31), 1, d(2016, time.February, 29)},
		{"31 Jan to common February", d(2017, time.January, 31), 1, d(2017, time.February, 28)},
		{"31 Mar back to February", d(2016, time.March, 31), -1, d(2016, time.February, 29)},
		{"across the year end", d(2016, time.December, 15), 1, d(2017, time.January, 15)},
		{"back across the year end", d(2017, time.January, 15), -1, d(2016, time.December, 15)},
		{"a year on from a leap day", d(2016, time.February, 29), 12, d(2017, time.February, 28)},
		{"four years on from a leap day", d(2016, time.February, 29), 48, d(2020, time.February, 29)},
		{"30 Apr plus one is 30 May, not 31", d(2016, time.April, 30), 1, d(2016, time.May, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.from.AddMonths(tt.n))
		})
	}
}

func TestDateCompare(t *testing.T) {
	a, b := d(2016, time.March, 31), d(2016, time.April, 1)
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.True(t, a.Before(b))
	assert.False(t, b.Before(a))
	assert.True(t, b.After(a))
	assert.True(t, a.Equal(d(2016, time.March, 31)))
	assert.False(t, a.Equal(b))
	assert.Equal(t, time.April, a.AddDays(1).YearMonth().Month())
}

func TestDateIn(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)

	// British Summer Time began at 01:00 GMT on Sunday 27 March 2016 and ended
	// at 01:00 GMT on Sunday 30 October 2016. Midnight on 27 March is still
	// GMT; midnight on 28 March is BST, so 27 March lasts 23 hours.
	start := d(2016, time.March, 27).In(london)
	assert.Equal(t, time.Date(2016, time.March, 27, 0, 0, 0, 0, time.UTC), start.UTC())
	next := d(2016, time.March, 28).In(london)
	assert.Equal(t, 23*time.Hour, next.Sub(start))
	assert.Equal(t, 25*time.Hour, d(2016, time.October, 31).In(london).Sub(d(2016, time.October, 30).In(london)))

	// Brazil began daylight saving at midnight on 4 November 2018: clocks
	// went from 00:00 to 01:00 in America/Sao_Paulo, so the day began at
	// 01:00 local, 03:00 UTC (the offset until then was -03:00).
	sp, err := time.LoadLocation("America/Sao_Paulo")
	require.NoError(t, err)
	got := d(2018, time.November, 4).In(sp)
	assert.Equal(t, time.Date(2018, time.November, 4, 3, 0, 0, 0, time.UTC), got.UTC())
	assert.True(t, DateOf(got).Equal(d(2018, time.November, 4)))
	// The day before ended at that same instant: it was 24 hours long.
	assert.Equal(t, 24*time.Hour, got.Sub(d(2018, time.November, 3).In(sp)))

	assert.Equal(t, time.Date(2016, time.April, 1, 0, 0, 0, 0, time.UTC), d(2016, time.April, 1).In(nil))
}

func TestParseDate(t *testing.T) {
	got, err := ParseDate("2016-04-01")
	require.NoError(t, err)
	assert.Equal(t, d(2016, time.April, 1), got)

	bad := []struct {
		in        string
		wantRange bool
	}{
		{"", false},
		{"2016-4-1", false},
		{"01/04/2016", false},
		{"2016-04-01T00:00", false},
		{" 2016-04-01", false},
		{"2016-0a-01", false},
		{"+016-04-01", false},
		{"2016-02-30", true},
		{"2015-02-29", true},
		{"2016-13-01", true},
		{"0000-01-01", true},
	}
	for _, tt := range bad {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseDate(tt.in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.in, pe.Input)
			assert.Equal(t, "date", pe.What)
			assert.Contains(t, err.Error(), "YYYY-MM-DD")
			assert.Equal(t, tt.wantRange, errors.Is(err, ErrOutOfRange))
		})
	}
}

func TestDateZero(t *testing.T) {
	var z Date
	assert.True(t, z.IsZero())
	assert.Equal(t, "0000-00-00", z.String())
	assert.False(t, d(1, time.January, 1).IsZero())
}

func TestMustPanics(t *testing.T) {
	assert.Panics(t, func() { Must(NewDate(2016, time.February, 30)) })
	assert.NotPanics(t, func() { Must(NewDate(2016, time.February, 29)) })
}
