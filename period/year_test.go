package period

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFinancialYear(t *testing.T) {
	fy := Must(FinancialYear(2016))
	assert.Equal(t, mo(2016, time.April), fy.First())
	assert.Equal(t, mo(2017, time.March), fy.Last())
	assert.Equal(t, d(2016, time.April, 1), fy.Start())
	assert.Equal(t, d(2017, time.April, 1), fy.End()) // half-open: 31 March 2017 is the last day
	assert.Equal(t, 2016, fy.StartYear())
	assert.Equal(t, "2016/17", fy.String())
	assert.Equal(t, "2016/2017", fy.Label(Long))
	assert.Equal(t, 365, fy.Period().Days())                        // 2017 is not a leap year; Feb 2016 is outside
	assert.Equal(t, 366, Must(FinancialYear(2015)).Period().Days()) // 2015/16 holds 29 February 2016
	assert.Equal(t, "2017/18", fy.Next().String())
	assert.Equal(t, "2015/16", fy.Prev().String())
	assert.Equal(t, "1999/00", Must(FinancialYear(1999)).String())
	assert.Equal(t, time.April, fy.Years().Start())

	var months []string
	for m := range fy.Months() {
		months = append(months, m.Label(Short))
	}
	assert.Equal(t, []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16", "Nov-16", "Dec-16", "Jan-17", "Feb-17", "Mar-17"}, months)

	assert.True(t, fy.Contains(mo(2016, time.April)))
	assert.True(t, fy.Contains(mo(2017, time.March)))
	assert.False(t, fy.Contains(mo(2016, time.March)))
	assert.False(t, fy.Contains(mo(2017, time.April)))

	_, err := FinancialYear(0)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = FinancialYear(9999) // would run into 10000
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.True(t, Year{}.IsZero())
}

// TestQuarterAndHalfMembership gives, for every month of 2016/17, its
// financial year, quarter and half, as a UK council would write them.
func TestQuarterAndHalfMembership(t *testing.T) {
	tests := []struct {
		m             Month
		year, q, half string
	}{
		{mo(2016, time.April), "2016/17", "Q1 2016/17", "H1 2016/17"},
		{mo(2016, time.May), "2016/17", "Q1 2016/17", "H1 2016/17"},
		{mo(2016, time.June), "2016/17", "Q1 2016/17", "H1 2016/17"},
		{mo(2016, time.July), "2016/17", "Q2 2016/17", "H1 2016/17"},
		{mo(2016, time.August), "2016/17", "Q2 2016/17", "H1 2016/17"},
		{mo(2016, time.September), "2016/17", "Q2 2016/17", "H1 2016/17"},
		{mo(2016, time.October), "2016/17", "Q3 2016/17", "H2 2016/17"},
		{mo(2016, time.November), "2016/17", "Q3 2016/17", "H2 2016/17"},
		{mo(2016, time.December), "2016/17", "Q3 2016/17", "H2 2016/17"},
		{mo(2017, time.January), "2016/17", "Q4 2016/17", "H2 2016/17"},
		{mo(2017, time.February), "2016/17", "Q4 2016/17", "H2 2016/17"},
		{mo(2017, time.March), "2016/17", "Q4 2016/17", "H2 2016/17"},
		{mo(2016, time.March), "2015/16", "Q4 2015/16", "H2 2015/16"},
	}
	for _, tt := range tests {
		t.Run(tt.m.String(), func(t *testing.T) {
			ys := Years{}
			assert.Equal(t, tt.year, ys.Of(tt.m).String())
			q := ys.Quarter(tt.m)
			assert.Equal(t, tt.q, q.Label(Short))
			assert.True(t, q.ContainsMonth(tt.m))
			assert.Equal(t, 3, q.NumMonths())
			h := ys.Half(tt.m)
			assert.Equal(t, tt.half, h.Label(Short))
			assert.True(t, h.ContainsMonth(tt.m))
			assert.Equal(t, 6, h.NumMonths())
		})
	}
}

func TestYearsStartingInAnotherMonth(t *testing.T) {
	sep := Must(YearsStarting(time.September))
	// A contract year from September: 2016/17 is September 2016 to August 2017.
	y := sep.Of(mo(2017, time.August))
	assert.Equal(t, mo(2016, time.September), y.First())
	assert.Equal(t, mo(2017, time.August), y.Last())
	assert.Equal(t, "2016/17 from Sep", y.String())
	assert.Equal(t, "2016/2017 from September", y.Label(Long))
	assert.Equal(t, y, sep.Of(mo(2016, time.September)))
	assert.Equal(t, "2015/16 from Sep", sep.Of(mo(2016, time.August)).String())

	q := sep.Quarter(mo(2016, time.December))
	assert.Equal(t, "Q2 2016/17 from Sep", q.String()) // Sep-Nov is Q1, Dec-Feb Q2
	assert.Equal(t, mo(2016, time.December), q.FirstMonth())
	assert.Equal(t, mo(2017, time.February), q.LastMonth())
	assert.Equal(t, 2, q.Number())

	// Calendar years.
	cal := Must(YearsStarting(time.January))
	cy := cal.Of(mo(2016, time.July))
	assert.Equal(t, "2016", cy.String())
	assert.Equal(t, "Q3 2016", cal.Quarter(mo(2016, time.July)).String())
	assert.Equal(t, "Quarter Three 2016", cal.Quarter(mo(2016, time.July)).Label(Long))

	// April is the zero value.
	apr := Must(YearsStarting(time.April))
	assert.Equal(t, Years{}, apr)

	_, err := YearsStarting(13)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = YearsStarting(0)
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestYearParts(t *testing.T) {
	fy := Must(FinancialYear(2016))
	tests := []struct {
		name        string
		p           Period
		first, last Month
		kind        Kind
	}{
		{"Q1", Must(fy.Quarter(1)), mo(2016, time.April), mo(2016, time.June), KindQuarter},
		{"Q4", Must(fy.Quarter(4)), mo(2017, time.January), mo(2017, time.March), KindQuarter},
		{"H2", Must(fy.Half(2)), mo(2016, time.October), mo(2017, time.March), KindHalf},
		{"YTD Aug", Must(fy.ToDate(mo(2016, time.August))), mo(2016, time.April), mo(2016, time.August), KindYearToDate},
		{"YTD Apr", Must(fy.ToDate(mo(2016, time.April))), mo(2016, time.April), mo(2016, time.April), KindYearToDate},
		{"year", fy.Period(), mo(2016, time.April), mo(2017, time.March), KindYear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.first, tt.p.FirstMonth())
			assert.Equal(t, tt.last, tt.p.LastMonth())
			assert.Equal(t, tt.kind, tt.p.Kind())
			got, ok := tt.p.Year()
			require.True(t, ok)
			assert.Equal(t, fy, got)
			months := slices.Collect(tt.p.Months())
			assert.Equal(t, tt.last.Sub(tt.first)+1, len(months))
			assert.Equal(t, tt.first, months[0])
			assert.Equal(t, tt.last, months[len(months)-1])
		})
	}
	for _, q := range []int{0, 5, -1} {
		_, err := fy.Quarter(q)
		assert.ErrorIs(t, err, ErrOutOfRange)
	}
	for _, h := range []int{0, 3} {
		_, err := fy.Half(h)
		assert.ErrorIs(t, err, ErrOutOfRange)
	}
	_, err := fy.ToDate(mo(2017, time.April))
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = fy.ToDate(mo(2016, time.March))
	assert.ErrorIs(t, err, ErrOutOfRange)
}
