package period

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMonthRange(t *testing.T) {
	tests := []struct {
		name        string
		first, last Month
		kind        Kind
		iso         string
	}{
		{"one month", mo(2016, time.May), mo(2016, time.May), KindMonth, "2016-05"},
		{"a financial quarter", mo(2016, time.July), mo(2016, time.September), KindQuarter, "Q2 2016/17"},
		{"Q4 across the calendar year", mo(2017, time.January), mo(2017, time.March), KindQuarter, "Q4 2016/17"},
		{"three months off the quarters", mo(2016, time.May), mo(2016, time.July), KindMonths, "2016-05..2016-07"},
		{"a financial half", mo(2016, time.October), mo(2017, time.March), KindHalf, "H2 2016/17"},
		{"a financial year", mo(2016, time.April), mo(2017, time.March), KindYear, "2016/17"},
		{"a calendar year is a run of months", mo(2016, time.January), mo(2016, time.December), KindMonths, "2016-01..2016-12"},
		{"two months", mo(2016, time.April), mo(2016, time.May), KindMonths, "2016-04..2016-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := MonthRange(tt.first, tt.last)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, p.Kind())
			assert.Equal(t, tt.iso, p.String())
			assert.Equal(t, tt.first.First(), p.Start())
			assert.Equal(t, tt.last.AddMonths(1).First(), p.End())
			assert.Equal(t, tt.last.Last(), p.Last())
		})
	}
	_, err := MonthRange(mo(2016, time.May), mo(2016, time.April))
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = MonthRange(Month{}, mo(2016, time.April))
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestDateRange(t *testing.T) {
	p, err := DateRange(d(2016, time.April, 1), d(2016, time.April, 29))
	require.NoError(t, err)
	assert.Equal(t, KindDays, p.Kind())
	assert.Equal(t, 28, p.Days())
	assert.Equal(t, d(2016, time.April, 28), p.Last())
	assert.Equal(t, "2016-04-01..2016-04-28", p.String())
	assert.Equal(t, "2016-04-01 to 2016-04-28", p.Label(Short))
	assert.True(t, p.Contains(d(2016, time.April, 1)))
	assert.True(t, p.Contains(d(2016, time.April, 28)))
	assert.False(t, p.Contains(d(2016, time.April, 29)), "half-open: End is not in the period")
	assert.False(t, p.Contains(d(2016, time.March, 31)))
	assert.Equal(t, 0, p.NumMonths(), "28 days of April is not a whole month")
	_, ok := p.Year()
	assert.False(t, ok)
	assert.Equal(t, 0, p.Number())

	days := slices.Collect(p.EachDay())
	assert.Len(t, days, 28)
	assert.Equal(t, d(2016, time.April, 28), days[27])

	// A range of days that covers May whole and parts of April and June.
	q := Must(DateRange(d(2016, time.April, 15), d(2016, time.June, 2)))
	assert.Equal(t, []Month{mo(2016, time.May)}, slices.Collect(q.Months()))
	assert.Equal(t, mo(2016, time.April), q.FirstMonth())
	assert.Equal(t, mo(2016, time.June), q.LastMonth())

	empty := Must(DateRange(d(2016, time.April, 1), d(2016, time.April, 1)))
	assert.Equal(t, 0, empty.Days())
	_, err = empty.MarshalText()
	assert.Error(t, err, "an empty range has no label that parses back")

	_, err = DateRange(d(2016, time.April, 2), d(2016, time.April, 1))
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = DateRange(Date{}, d(2016, time.April, 1))
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestPeriodOverlapsAndContains(t *testing.T) {
	fy := Must(FinancialYear(2016))
	q1 := Must(fy.Quarter(1))
	q2 := Must(fy.Quarter(2))
	assert.False(t, q1.Overlaps(q2), "adjacent half-open periods do not overlap")
	assert.True(t, q1.Overlaps(fy.Period()))
	assert.True(t, fy.Period().ContainsMonth(mo(2016, time.June)))
	assert.False(t, q1.ContainsMonth(mo(2016, time.July)))
	assert.True(t, q1.Equal(Years{}.Quarter(mo(2016, time.May))))
	assert.False(t, q1.Equal(q2))
	assert.True(t, Period{}.IsZero())
	assert.Equal(t, "", Period{}.String())
}

func TestPeriodInterval(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	// 2016/17 runs from midnight BST on 1 April 2016 (23:00 UTC on 31 March)
	// to midnight BST on 1 April 2017.
	start, end := Must(FinancialYear(2016)).Period().Interval(london)
	assert.Equal(t, time.Date(2016, time.March, 31, 23, 0, 0, 0, time.UTC), start.UTC())
	assert.Equal(t, time.Date(2017, time.March, 31, 23, 0, 0, 0, time.UTC), end.UTC())

	// March 2016 holds the spring clock change: 31 days of 24 hours less one.
	s, e := mo(2016, time.March).Period().Interval(london)
	assert.Equal(t, (31*24-1)*time.Hour, e.Sub(s))
	// October 2016 holds the autumn change: one hour more.
	s, e = mo(2016, time.October).Period().Interval(london)
	assert.Equal(t, (31*24+1)*time.Hour, e.Sub(s))
	// April has no change.
	s, e = mo(2016, time.April).Period().Interval(london)
	assert.Equal(t, 30*24*time.Hour, e.Sub(s))
}

func TestKindString(t *testing.T) {
	assert.Equal(t, "month", KindMonth.String())
	assert.Equal(t, "year to date", KindYearToDate.String())
	assert.Equal(t, "days", KindDays.String())
	assert.Equal(t, "Kind(0)", Kind(0).String())
	assert.Equal(t, "Kind(99)", Kind(99).String())
}
