package period

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mo(y int, m time.Month) Month { return Must(NewMonth(y, m)) }

func TestNewMonth(t *testing.T) {
	m, err := NewMonth(2016, time.April)
	require.NoError(t, err)
	assert.Equal(t, 2016, m.Year())
	assert.Equal(t, time.April, m.Month())

	for _, bad := range []struct {
		y int
		m time.Month
	}{{0, time.April}, {10000, time.January}, {2016, 0}, {2016, 13}} {
		_, err := NewMonth(bad.y, bad.m)
		assert.ErrorIs(t, err, ErrOutOfRange, "%d-%d", bad.y, bad.m)
	}
	var z Month
	assert.True(t, z.IsZero())
	assert.Equal(t, "0000-00", z.String())
}

func TestMonthArithmetic(t *testing.T) {
	tests := []struct {
		from Month
		n    int
		want Month
	}{
		{mo(2016, time.December), 1, mo(2017, time.January)},
		{mo(2017, time.January), -1, mo(2016, time.December)},
		{mo(2016, time.April), 11, mo(2017, time.March)},
		{mo(2016, time.April), -16, mo(2014, time.December)},
		{mo(1, time.February), -1, mo(1, time.January)},
	}
	for _, tt := range tests {
		t.Run(tt.from.String(), func(t *testing.T) {
			got := tt.from.AddMonths(tt.n)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.n, got.Sub(tt.from))
		})
	}
	a, b := mo(2016, time.March), mo(2016, time.April)
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.True(t, a.Equal(mo(2016, time.March)))
}

func TestMonthDays(t *testing.T) {
	tests := []struct {
		m           Month
		days        int
		first, last Date
	}{
		{mo(2016, time.February), 29, d(2016, time.February, 1), d(2016, time.February, 29)},
		{mo(2015, time.February), 28, d(2015, time.February, 1), d(2015, time.February, 28)},
		{mo(2100, time.February), 28, d(2100, time.February, 1), d(2100, time.February, 28)},
		{mo(2000, time.February), 29, d(2000, time.February, 1), d(2000, time.February, 29)},
		{mo(2016, time.April), 30, d(2016, time.April, 1), d(2016, time.April, 30)},
		{mo(2016, time.December), 31, d(2016, time.December, 1), d(2016, time.December, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.m.String(), func(t *testing.T) {
			assert.Equal(t, tt.days, tt.m.Days())
			assert.Equal(t, tt.first, tt.m.First())
			assert.Equal(t, tt.last, tt.m.Last())
			assert.Equal(t, tt.m, tt.last.YearMonth())
		})
	}
}

func TestMonthLabels(t *testing.T) {
	tests := []struct {
		m                Month
		iso, short, long string
	}{
		{mo(2016, time.April), "2016-04", "Apr-16", "April 2016"},
		{mo(2016, time.May), "2016-05", "May-16", "May 2016"},
		{mo(2009, time.October), "2009-10", "Oct-09", "October 2009"},
		{mo(1999, time.December), "1999-12", "Dec-1999", "December 1999"},
		{mo(2100, time.January), "2100-01", "Jan-2100", "January 2100"},
		{mo(1, time.January), "0001-01", "Jan-0001", "January 0001"},
	}
	for _, tt := range tests {
		t.Run(tt.iso, func(t *testing.T) {
			assert.Equal(t, tt.iso, tt.m.Label(ISO))
			assert.Equal(t, tt.iso, tt.m.String())
			assert.Equal(t, tt.short, tt.m.Label(Short))
			assert.Equal(t, tt.long, tt.m.Label(Long))
			for _, s := range []string{tt.iso, tt.short, tt.long} {
				got, err := ParseMonth(s)
				require.NoError(t, err, s)
				assert.Equal(t, tt.m, got, s)
			}
		})
	}
}

func TestParseMonthErrors(t *testing.T) {
	for _, in := range []string{"", "2016-4", "2016-13", "Apz-16", "Apr-6", "Apr-016", "April 16", "Apr 2016 extra", "Sept-16", "16-Apr", "2016-04-01"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseMonth(in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, in, pe.Input)
			assert.Contains(t, err.Error(), "Apr-16")
			assert.NotContains(t, err.Error(), "not a month", "the internal sentinel does not leak")
		})
	}
	_, err := ParseMonth("2016-13")
	assert.ErrorIs(t, err, ErrOutOfRange)
	got, err := ParseMonth("apr-16")
	require.NoError(t, err, "month names are not case-sensitive")
	assert.Equal(t, mo(2016, time.April), got)
}
