package period

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFrequencyDue lists, for each frequency, the months of 2016/17 in which a
// measurement falls due.
func TestFrequencyDue(t *testing.T) {
	fy := Must(FinancialYear(2016))
	tests := []struct {
		name string
		f    Frequency
		due  []string
	}{
		{"monthly", Monthly(), []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16", "Nov-16", "Dec-16", "Jan-17", "Feb-17", "Mar-17"}},
		{"quarterly", Quarterly(), []string{"Jun-16", "Sep-16", "Dec-16", "Mar-17"}},
		{"six-monthly", SixMonthly(), []string{"Sep-16", "Mar-17"}},
		{"annual", Annual(), []string{"Mar-17"}},
		{"quarterly due Jan", Must(EveryMonths(3, time.January)), []string{"Jul-16", "Oct-16", "Jan-17", "Apr-16"}},
		{"every two months due Feb", Must(EveryMonths(2, time.February)), []string{"Apr-16", "Jun-16", "Aug-16", "Oct-16", "Dec-16", "Feb-17"}},
		{"annual due December", Must(EveryMonths(12, time.December)), []string{"Dec-16"}},
		{"four-weekly", Must(FourWeekly(d(2016, time.April, 1))), []string{"Apr-16", "May-16", "Jun-16", "Jul-16", "Aug-16", "Sep-16", "Oct-16", "Nov-16", "Dec-16", "Jan-17", "Feb-17", "Mar-17"}},
		{"zero", Frequency{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for m := range fy.Months() {
				if tt.f.Due(m) {
					got = append(got, m.Label(Short))
				}
			}
			assert.ElementsMatch(t, tt.due, got)
		})
	}
}

// TestSurveyNotDueInApril is seed 000's CS-K-001: "% of customers satisfied",
// measured six-monthly, reported "Not Measured in April, No Survey Due".
func TestSurveyNotDueInApril(t *testing.T) {
	f := Must(ParseFrequency("6 Monthly"))
	assert.Equal(t, SixMonthly(), f)
	assert.False(t, f.Due(mo(2016, time.April)))
	assert.False(t, f.Due(mo(2016, time.May)))
	assert.True(t, f.Due(mo(2016, time.September)))
	assert.Equal(t, "H1 2016/17", f.PeriodOf(mo(2016, time.April)).String())
	assert.Equal(t, []time.Month{time.March, time.September}, f.DueMonths())
}

func TestFrequencyPeriodOf(t *testing.T) {
	tests := []struct {
		name string
		f    Frequency
		m    Month
		want string
	}{
		{"monthly", Monthly(), mo(2016, time.May), "2016-05"},
		{"quarterly, first month", Quarterly(), mo(2016, time.April), "Q1 2016/17"},
		{"quarterly, due month", Quarterly(), mo(2016, time.June), "Q1 2016/17"},
		{"quarterly, January", Quarterly(), mo(2017, time.January), "Q4 2016/17"},
		{"six-monthly, October", SixMonthly(), mo(2016, time.October), "H2 2016/17"},
		{"annual, April", Annual(), mo(2016, time.April), "2016/17"},
		{"annual, March", Annual(), mo(2017, time.March), "2016/17"},
		{"quarterly due Jan: Nov to Jan", Must(EveryMonths(3, time.January)), mo(2016, time.November), "2016-11..2017-01"},
		{"annual due Dec: a calendar year", Must(EveryMonths(12, time.December)), mo(2016, time.June), "2016-01..2016-12"},
		// Four-weekly from Friday 1 April 2016: the periods end 28 Apr, 26 May,
		// ..., 2 Mar 2017 and 30 Mar 2017 (each 28 days after the last).
		{"four-weekly, April", Must(FourWeekly(d(2016, time.April, 1))), mo(2016, time.April), "2016-04-01..2016-04-28"},
		{"four-weekly, May", Must(FourWeekly(d(2016, time.April, 1))), mo(2016, time.May), "2016-04-29..2016-05-26"},
		{"four-weekly, March has two: the last", Must(FourWeekly(d(2016, time.April, 1))), mo(2017, time.March), "2017-03-03..2017-03-30"},
		{"four-weekly, before the anchor", Must(FourWeekly(d(2016, time.April, 1))), mo(2016, time.March), "2016-03-04..2016-03-31"},
		{"zero", Frequency{}, mo(2016, time.April), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.f.PeriodOf(tt.m).String())
			if !tt.f.IsZero() {
				assert.True(t, tt.f.PeriodOf(tt.m).Contains(tt.m.Last()) || tt.f.IsFourWeekly())
			}
		})
	}
}

func TestFrequencyPeriods(t *testing.T) {
	fy := Must(FinancialYear(2016)).Period()
	var labels []string
	for p := range Quarterly().Periods(fy) {
		labels = append(labels, p.String())
	}
	assert.Equal(t, []string{"Q1 2016/17", "Q2 2016/17", "Q3 2016/17", "Q4 2016/17"}, labels)

	fw := Must(FourWeekly(d(2016, time.April, 1)))
	periods := slices.Collect(fw.Periods(fy))
	// 2016/17 has 365 days: thirteen 28-day periods (364 days) end in it; the
	// fourteenth ends on 27 April 2017.
	require.Len(t, periods, 13)
	assert.Equal(t, "2016-04-01..2016-04-28", periods[0].String())
	assert.Equal(t, "2017-03-03..2017-03-30", periods[12].String())
	for i, p := range periods {
		assert.Equal(t, 28, p.Days(), "period %d", i+1)
	}
	// A report for May 2016 holds the one period that ends in May.
	may := slices.Collect(fw.Periods(mo(2016, time.May).Period()))
	require.Len(t, may, 1)
	assert.Equal(t, "2016-04-29..2016-05-26", may[0].String())
	// March 2017 holds two.
	assert.Len(t, slices.Collect(fw.Periods(mo(2017, time.March).Period())), 2)

	// Stopping early.
	for range Monthly().Periods(fy) {
		break
	}
	for range fw.Periods(fy) {
		break
	}
}

func TestEveryMonthsErrors(t *testing.T) {
	for _, n := range []int{0, 5, 7, 13, -1} {
		_, err := EveryMonths(n, time.March)
		assert.ErrorIs(t, err, ErrOutOfRange, "n=%d", n)
	}
	_, err := EveryMonths(3, 0)
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = FourWeekly(Date{})
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Equal(t, SixMonthly(), Must(EveryMonths(6, time.September)))
	assert.Equal(t, Quarterly(), Must(EveryMonths(3, time.December)))
}

func TestParseFrequency(t *testing.T) {
	tests := []struct {
		in   string
		want Frequency
		str  string
	}{
		{"Monthly", Monthly(), "monthly"},
		{"monthly", Monthly(), "monthly"},
		{"Quarterly", Quarterly(), "quarterly"},
		{"6 Monthly", SixMonthly(), "six-monthly"},
		{"6-monthly", SixMonthly(), "six-monthly"},
		{"Six-Monthly", SixMonthly(), "six-monthly"},
		{"half-yearly", SixMonthly(), "six-monthly"},
		{"Annual", Annual(), "annual"},
		{"annually", Annual(), "annual"},
		{"quarterly due Jan", Must(EveryMonths(3, time.January)), "quarterly due Jan"},
		{"quarterly due April", Must(EveryMonths(3, time.April)), "quarterly due Jan"},
		{"six-monthly due Sep", SixMonthly(), "six-monthly"},
		{"annual due December", Must(EveryMonths(12, time.December)), "annual due Dec"},
		{"every 2 months due Feb", Must(EveryMonths(2, time.February)), "two-monthly due Feb"},
		{"every 4 months", Must(EveryMonths(4, time.March)), "four-monthly"},
		{"bi-monthly", Must(EveryMonths(2, time.March)), "two-monthly"},
		{"four-weekly from 2016-04-01", Must(FourWeekly(d(2016, time.April, 1))), "four-weekly from 2016-04-01"},
		{"4 weekly from 2016-04-01", Must(FourWeekly(d(2016, time.April, 1))), "four-weekly from 2016-04-01"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFrequency(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.True(t, tt.want.Equal(got))
			assert.Equal(t, tt.str, got.String())
			back, err := ParseFrequency(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, back)
		})
	}
}

func TestParseFrequencyErrors(t *testing.T) {
	tests := []struct{ in, cause string }{
		{"", ""},
		{"fortnightly", ""},
		{"every 5 months", "does not divide a year"},
		{"every 0 months", "does not divide a year"},
		{"every two months", ""},
		{"every 2 weeks", ""},
		{"every 100 months", ""},
		{"quarterly due Foo", "not a month name"},
		{"quarterly due", ""},
		{"monthly please", ""},
		{"four-weekly", ""},
		{"four-weekly from 2016-02-30", "day 30 is outside"},
		{"four-weekly since 2016-04-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseFrequency(tt.in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "frequency", pe.What)
			assert.Contains(t, err.Error(), "6 Monthly")
			if tt.cause == "" {
				assert.Nil(t, pe.Err)
			} else {
				assert.ErrorContains(t, pe.Err, tt.cause)
			}
		})
	}
}

func TestFrequencyAccessors(t *testing.T) {
	fw := Must(FourWeekly(d(2016, time.April, 1)))
	assert.True(t, fw.IsFourWeekly())
	assert.Equal(t, 0, fw.Months())
	assert.Equal(t, d(2016, time.April, 1), fw.Anchor())
	assert.Nil(t, fw.DueMonths())
	assert.Equal(t, 3, Quarterly().Months())
	assert.False(t, Quarterly().IsFourWeekly())
	assert.True(t, Frequency{}.IsZero())
	assert.Equal(t, "", Frequency{}.String())
}
