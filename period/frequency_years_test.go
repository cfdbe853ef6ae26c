package period

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func years(t testing.TB, m time.Month) Years {
	t.Helper()
	ys, err := YearsStarting(m)
	require.NoError(t, err)
	return ys
}

// TestYearsFrequencyDue lists the months a measurement falls due in, over the
// twelve months of each kind of year. A quarter, half or year ends in the
// month before the next one starts: for years from October, quarters run
// Oct-Dec, Jan-Mar, Apr-Jun, Jul-Sep, halves Oct-Mar, Apr-Sep, and the year
// Oct-Sep.
func TestYearsFrequencyDue(t *testing.T) {
	tests := []struct {
		name  string
		start time.Month
		f     func(Years) Frequency
		due   []time.Month // January first, as DueMonths gives them
	}{
		// April years: the UK financial year, as Quarterly(), SixMonthly()
		// and Annual() always were.
		{"April quarterly", time.April, Years.Quarterly, []time.Month{time.March, time.June, time.September, time.December}},
		{"April six-monthly", time.April, Years.SixMonthly, []time.Month{time.March, time.September}},
		{"April annual", time.April, Years.Annual, []time.Month{time.March}},
		// January years: calendar quarters end Mar, Jun, Sep, Dec; halves
		// Jun and Dec; the year in December.
		{"January quarterly", time.January, Years.Quarterly, []time.Month{time.March, time.June, time.September, time.December}},
		{"January six-monthly", time.January, Years.SixMonthly, []time.Month{time.June, time.December}},
		{"January annual", time.January, Years.Annual, []time.Month{time.December}},
		// October years: quarters end Dec, Mar, Jun, Sep; halves Mar and Sep;
		// the year in September.
		{"October quarterly", time.October, Years.Quarterly, []time.Month{time.March, time.June, time.September, time.December}},
		{"October six-monthly", time.October, Years.SixMonthly, []time.Month{time.March, time.September}},
		{"October annual", time.October, Years.Annual, []time.Month{time.September}},
		// February years: quarters Feb-Apr, May-Jul, Aug-Oct, Nov-Jan end
		// Apr, Jul, Oct, Jan; halves Feb-Jul and Aug-Jan end Jul and Jan.
		{"February quarterly", time.February, Years.Quarterly, []time.Month{time.January, time.April, time.July, time.October}},
		{"February six-monthly", time.February, Years.SixMonthly, []time.Month{time.January, time.July}},
		{"February annual", time.February, Years.Annual, []time.Month{time.January}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ys := years(t, tt.start)
			f := tt.f(ys)
			assert.Equal(t, tt.due, f.DueMonths())
			// Due agrees with DueMonths over a whole year of ys.
			y := ys.Of(mo(2016, time.June))
			var got []time.Month
			for m := range y.Months() {
				if f.Due(m) {
					got = append(got, m.Month())
				}
			}
			assert.ElementsMatch(t, tt.due, got)
		})
	}
	// The UK financial year's frequencies are the package's own.
	assert.Equal(t, Quarterly(), Years{}.Quarterly())
	assert.Equal(t, SixMonthly(), Years{}.SixMonthly())
	assert.Equal(t, Annual(), Years{}.Annual())
}

// TestYearsFrequencyPeriodOf classifies the month a measurement is for as a
// quarter, half or year of the frequency's own years.
func TestYearsFrequencyPeriodOf(t *testing.T) {
	apr, jan, oct := Years{}, years(t, time.January), years(t, time.October)
	tests := []struct {
		name string
		f    Frequency
		m    Month
		want string // the period's short label
		kind Kind
	}{
		// April years: May 2016 is in Q1 (Apr-Jun 2016) and H1 (Apr-Sep
		// 2016) of 2016/17.
		{"April quarterly, May", apr.Quarterly(), mo(2016, time.May), "Q1 2016/17", KindQuarter},
		{"April six-monthly, May", apr.SixMonthly(), mo(2016, time.May), "H1 2016/17", KindHalf},
		{"April annual, Jan-17", apr.Annual(), mo(2017, time.January), "2016/17", KindYear},
		// January years: May 2016 is in Q2 (Apr-Jun) and H1 (Jan-Jun) of
		// the calendar year 2016.
		{"January quarterly, May", jan.Quarterly(), mo(2016, time.May), "Q2 2016", KindQuarter},
		{"January six-monthly, May", jan.SixMonthly(), mo(2016, time.May), "H1 2016", KindHalf},
		{"January annual, May", jan.Annual(), mo(2016, time.May), "2016", KindYear},
		// October years: Nov 2016 is in Q1 2016/17 from Oct (Oct-Dec 2016);
		// Jan 2017 in Q2 (Jan-Mar 2017); Sep 2017 in Q4 (Jul-Sep 2017).
		{"October quarterly, Nov-16", oct.Quarterly(), mo(2016, time.November), "Q1 2016/17 from Oct", KindQuarter},
		{"October quarterly, Jan-17", oct.Quarterly(), mo(2017, time.January), "Q2 2016/17 from Oct", KindQuarter},
		{"October quarterly, Sep-17", oct.Quarterly(), mo(2017, time.September), "Q4 2016/17 from Oct", KindQuarter},
		// H1 2016/17 from Oct is Oct-16 to Mar-17; H2 Apr-17 to Sep-17.
		{"October six-monthly, Dec-16", oct.SixMonthly(), mo(2016, time.December), "H1 2016/17 from Oct", KindHalf},
		{"October six-monthly, Apr-17", oct.SixMonthly(), mo(2017, time.April), "H2 2016/17 from Oct", KindHalf},
		// The year 2016/17 from Oct is Oct-16 to Sep-17; Sep-16 is the
		// last month of 2015/16 from Oct.
		{"October annual, Oct-16", oct.Annual(), mo(2016, time.October), "2016/17 from Oct", KindYear},
		{"October annual, Sep-17", oct.Annual(), mo(2017, time.September), "2016/17 from Oct", KindYear},
		{"October annual, Sep-16", oct.Annual(), mo(2016, time.September), "2015/16 from Oct", KindYear},
		// The same months without the years: due in September, Oct-16 to
		// Sep-17 is a run of months in UK financial years.
		{"annual due Sep in April years", Must(EveryMonths(12, time.September)), mo(2016, time.October), "Oct-16 to Sep-17", KindMonths},
		// Due months that do not line up with October years: quarterly due
		// Jan runs Nov-Jan, not a quarter of any year from October.
		{"October quarterly due Jan", Must(oct.ParseFrequency("quarterly due Jan")), mo(2016, time.December), "Nov-16 to Jan-17", KindMonths},
		// Monthly is the month, whatever the years.
		{"October monthly", Must(oct.ParseFrequency("monthly")), mo(2016, time.October), "Oct-16", KindMonth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.f.PeriodOf(tt.m)
			assert.Equal(t, tt.want, p.Label(Short))
			assert.Equal(t, tt.kind, p.Kind())
			assert.True(t, p.ContainsMonth(tt.m))
			// The label reads back as the same period.
			back, err := ParseLabel(p.Label(Short))
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
}

// TestYearsFrequencyPeriods lists the measurements a report for a year of
// October years contains.
func TestYearsFrequencyPeriods(t *testing.T) {
	oct := years(t, time.October)
	y := Must(oct.Year(2016)) // October 2016 to September 2017
	var labels []string
	for p := range oct.Quarterly().Periods(y.Period()) {
		labels = append(labels, p.Label(Short))
	}
	assert.Equal(t, []string{"Q1 2016/17 from Oct", "Q2 2016/17 from Oct", "Q3 2016/17 from Oct", "Q4 2016/17 from Oct"}, labels)
	// Q1 2016/17 from Oct is October to December 2016.
	q1 := Must(y.Quarter(1))
	assert.Equal(t, q1, oct.Quarterly().PeriodOf(mo(2016, time.October)))
	assert.Equal(t, "2016-10-01", q1.Start().String())
	assert.Equal(t, "2017-01-01", q1.End().String())
	// The halves and the year.
	halves := slices.Collect(oct.SixMonthly().Periods(y.Period()))
	assert.Equal(t, []Period{Must(y.Half(1)), Must(y.Half(2))}, halves)
	assert.Equal(t, []Period{y.Period()}, slices.Collect(oct.Annual().Periods(y.Period())))
	// A UK financial year read with October's annual frequency holds the
	// one year from October that ends in it: 2016/17 (Apr-16 to Mar-17)
	// contains September 2016, the last month of 2015/16 from Oct.
	fy := Must(FinancialYear(2016)).Period()
	assert.Equal(t, []Period{Must(oct.Year(2015)).Period()}, slices.Collect(oct.Annual().Periods(fy)))
}

// TestYearsFrequencyRoundTrip writes each frequency and reads it back, in
// its own years (as a contract file with one year start does) and in UK
// financial years (as String and MarshalText do).
func TestYearsFrequencyRoundTrip(t *testing.T) {
	apr, jan, oct := Years{}, years(t, time.January), years(t, time.October)
	tests := []struct {
		name      string
		ys        Years
		in        string
		formatted string // FormatFrequency in ys
		str       string // String, for UK financial years
		start     time.Month
	}{
		{"April quarterly", apr, "quarterly", "quarterly", "quarterly", time.April},
		{"April annual due Sep", apr, "annual due Sep", "annual due Sep", "annual due Sep", time.April},
		// In October years plain "annual" is due in September, measuring
		// the year from October.
		{"October annual", oct, "annual", "annual", "annual from Oct", time.October},
		{"October annual, written with its due month", oct, "Annual due September", "annual", "annual from Oct", time.October},
		{"October quarterly", oct, "Quarterly", "quarterly", "quarterly from Oct", time.October},
		{"October six-monthly", oct, "6 Monthly", "six-monthly", "six-monthly from Oct", time.October},
		// Due in January, quarters Nov-Jan line up with no October quarter:
		// it keeps April years.
		{"October quarterly due Jan", oct, "quarterly due Jan", "quarterly due Jan", "quarterly due Jan", time.April},
		// "from Apr" in October years reads the UK financial year's annual,
		// due in March; March does not end a year from October, so "due
		// Mar" alone says it in October years.
		{"October years, from Apr", oct, "annual from April", "annual due Mar", "annual", time.April},
		// Due in September, measured in UK financial years: both words.
		{"October years, due Sep from Apr", oct, "annual due Sep from Apr", "annual due Sep from Apr", "annual due Sep", time.April},
		{"January annual", jan, "yearly", "annual", "annual from Jan", time.January},
		{"January quarterly", jan, "quarterly", "quarterly", "quarterly from Jan", time.January},
		// Quarterly due Feb in January years: Dec-Feb is no calendar quarter.
		{"January quarterly due Feb", jan, "quarterly due Feb", "quarterly due Feb", "quarterly due Feb", time.April},
		// Two-monthly from October runs Oct-Nov, Dec-Jan, ...: due in odd
		// months, as two-monthly from April (Apr-May, ...) is.
		{"every 2 months from Oct", apr, "every 2 months from Oct", "two-monthly", "two-monthly", time.April},
		{"monthly", oct, "monthly", "monthly", "monthly", time.April},
		{"four-weekly", oct, "four-weekly from 2016-04-01", "four-weekly from 2016-04-01", "four-weekly from 2016-04-01", time.April},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.ys.ParseFrequency(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.start, f.YearStart())
			assert.Equal(t, tt.formatted, tt.ys.FormatFrequency(f))
			assert.Equal(t, tt.str, f.String())
			back, err := tt.ys.ParseFrequency(tt.ys.FormatFrequency(f))
			require.NoError(t, err)
			assert.True(t, f.Equal(back))
			assert.Equal(t, f, back)
			// String reads back, in April years, as the same frequency.
			back, err = ParseFrequency(f.String())
			require.NoError(t, err)
			assert.Equal(t, f, back)
			// So does the text form.
			b, err := f.MarshalText()
			require.NoError(t, err)
			var u Frequency
			require.NoError(t, u.UnmarshalText(b))
			assert.Equal(t, f, u)
		})
	}
	// The annual frequency of October years is not the UK financial
	// year's frequency due in September: same due month, other periods.
	assert.NotEqual(t, oct.Annual(), Must(EveryMonths(12, time.September)))
	assert.Equal(t, oct.Annual().DueMonths(), Must(EveryMonths(12, time.September)).DueMonths())
	assert.Equal(t, "", Years{}.FormatFrequency(Frequency{}))
}

func TestYearsParseFrequencyErrors(t *testing.T) {
	oct := years(t, time.October)
	tests := []struct{ in, cause string }{
		{"quarterly from", ""},
		{"quarterly from Foo", "not a month name"},
		{"quarterly from Oct due Jan", ""}, // due comes first
		{"quarterly due Jan due Feb", ""},
		{"quarterly from Oct from Apr", ""},
		{"monthly from", ""},
		{"every 5 months from Oct", "does not divide a year"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := oct.ParseFrequency(tt.in)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "frequency", pe.What)
			assert.Contains(t, err.Error(), "annual from Oct")
			if tt.cause == "" {
				assert.Nil(t, pe.Err)
			} else {
				assert.ErrorContains(t, pe.Err, tt.cause)
			}
		})
	}
}
