package kpi_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/period/worktime"
)

func entries(obs ...kpi.Observation) []kpi.Entry {
	first := period.Must(period.ParseMonth("Apr-16"))
	out := make([]kpi.Entry, len(obs))
	for i, o := range obs {
		out[i] = kpi.Entry{Period: first.AddMonths(i).Period(), Obs: o}
	}
	return out
}

func TestAggregateRatioOfSums(t *testing.T) {
	m := percent(kpi.HigherIsBetter)
	// 90 of 100 and 10 of 20: 100 of 120 is 83.33%; the mean of 90% and 50%
	// would be 70%, which is wrong.
	got, err := kpi.Aggregate(m, entries(kpi.Counts(90, 100), kpi.Counts(10, 20)), nil)
	require.NoError(t, err)
	num, den, ok := got.Counts()
	require.True(t, ok)
	assert.Equal(t, "100", num.String())
	assert.Equal(t, "120", den.String())
	def := mustDef(t, kpi.Spec{Ref: "calls", Measure: m, Frequency: period.Monthly(), Target: written(t, "80%"), Bands: kpi.TargetOnly()})
	r, err := kpi.Evaluate(def, period.Must(period.ParseLabel("Q1 2016/17")), got)
	require.NoError(t, err)
	a, _ := r.Actual()
	assert.Equal(t, "83.33", a.Round(2).String())
	assert.Equal(t, kpi.Met, r.Status())

	_, err = kpi.Aggregate(m, entries(kpi.Counts(90, 100), fig(t, "50")), nil)
	assert.ErrorContains(t, err, "cannot aggregate the figure 50 for 2016-05 by ratio_of_sums: it needs the counts behind it (averaging percentages gives the wrong answer)")
	assert.ErrorIs(t, err, kpi.ErrNeedsCounts)
}

// TestAggregateOutsideExcludedPeriods is seed 001's "performance outside
// exclude periods": a calls KPI suspended for April and May 2014.
func TestAggregateOutsideExcludedPeriods(t *testing.T) {
	m := percent(kpi.HigherIsBetter)
	es := entries(kpi.Counts(500, 1000), kpi.Counts(550, 1000), kpi.Counts(640, 1000), kpi.Counts(660, 1000))
	excluded := map[period.Period]bool{es[0].Period: true, es[1].Period: true}
	all, err := kpi.Aggregate(m, es, nil)
	require.NoError(t, err)
	outside, err := kpi.Aggregate(m, es, func(p period.Period) bool { return excluded[p] })
	require.NoError(t, err)
	// All four months: 2350 of 4000. Outside the excluded two: 1300 of 2000.
	n, d, _ := all.Counts()
	assert.Equal(t, []string{"2350", "4000"}, []string{n.String(), d.String()})
	n, d, _ = outside.Counts()
	assert.Equal(t, []string{"1300", "2000"}, []string{n.String(), d.String()})
	// An excluded observation drops out the same way.
	es[0].Obs = kpi.Missing(kpi.Excluded, "garden waste demand")
	es[1].Obs = kpi.Missing(kpi.Excluded, "garden waste demand")
	byObs, err := kpi.Aggregate(m, es, nil)
	require.NoError(t, err)
	assert.True(t, byObs.Equal(outside))
}

func TestAggregateOtherRules(t *testing.T) {
	days := kpi.Measure{Unit: kpi.Days, Polarity: kpi.LowerIsBetter, Precision: 2, Aggregation: kpi.WeightedMean}
	// 100 days over 10 claims and 60 over 20: 160 over 30.
	got, err := kpi.Aggregate(days, entries(kpi.Mean(dec("100"), 10), kpi.Mean(dec("60"), 20)), nil)
	require.NoError(t, err)
	n, d, ok := got.Counts()
	require.True(t, ok)
	assert.True(t, got.IsMean())
	assert.Equal(t, []string{"160", "30"}, []string{n.String(), d.String()})

	figs := entries(fig(t, "3"), fig(t, "1"), kpi.Missing(kpi.NoData, ""), fig(t, "2"))
	for _, c := range []struct {
		agg  kpi.Aggregation
		want string
	}{{kpi.Sum, "6"}, {kpi.Minimum, "1"}, {kpi.Maximum, "3"}, {kpi.Latest, "2"}} {
		m := kpi.Measure{Unit: kpi.Count, Polarity: kpi.LowerIsBetter, Aggregation: c.agg}
		got, err := kpi.Aggregate(m, figs, nil)
		require.NoError(t, err)
		v, ok := got.Value()
		require.True(t, ok)
		assert.Equal(t, c.want, v.String(), "%s", c.agg)
	}
	// Latest is by period, not by position.
	shuffled := []kpi.Entry{figs[3], figs[0], figs[1]}
	got, err = kpi.Aggregate(kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Latest}, shuffled, nil)
	require.NoError(t, err)
	v, _ := got.Value()
	assert.Equal(t, "2", v.String())

	none, err := kpi.Aggregate(days, entries(kpi.Missing(kpi.NotDue, "")), nil)
	require.NoError(t, err)
	st, _ := none.Reason()
	assert.Equal(t, kpi.NoData, st)

	_, err = kpi.Aggregate(days, entries(fig(t, "5")), nil)
	assert.ErrorIs(t, err, kpi.ErrNeedsCounts)
	assert.ErrorContains(t, err, "by weighted_mean: it needs the counts behind it (the mean of means gives the wrong answer)")
	_, err = kpi.Aggregate(kpi.Measure{}, entries(fig(t, "5")), nil)
	assert.ErrorContains(t, err, "cannot aggregate with rule")
}

func TestTrend(t *testing.T) {
	def := psspDefinition(t, psspRows[1]) // R&B-K-001, cumulative profile
	apr, _ := kpi.Evaluate(def, month("Apr-16"), fig(t, "10.96"))
	may, _ := kpi.Evaluate(def, month("May-16"), fig(t, "20.32"))
	// April was 0.40 behind its profile; May is 0.01 ahead: improving,
	// though a cumulative figure always rises.
	tr, ok := kpi.TrendOf(apr, may)
	require.True(t, ok)
	assert.Equal(t, kpi.Improving, tr)
	tr, _ = kpi.TrendOf(may, apr)
	assert.Equal(t, kpi.Worsening, tr)
	tr, _ = kpi.TrendOf(may, may)
	assert.Equal(t, kpi.Unchanged, tr)

	// Lower is better: 8.09 days after 11.53 is improving.
	parking := psspDefinition(t, psspRows[5])
	a, _ := kpi.Evaluate(parking, month("Apr-16"), fig(t, "11.53"))
	b, _ := kpi.Evaluate(parking, month("May-16"), fig(t, "8.09"))
	tr, _ = kpi.TrendOf(a, b)
	assert.Equal(t, kpi.Improving, tr)
	assert.Equal(t, "improving", tr.String())

	nd, _ := kpi.Evaluate(parking, month("Jun-16"), kpi.Observation{})
	_, ok = kpi.TrendOf(a, nd)
	assert.False(t, ok)
}

// TestForecastCouncilTax projects R&B-K-001 to the year end. May: 20.32
// against a profile of 20.31 toward 95.8 projects 20.32 × 95.8 ÷ 20.31 =
// 95.847... = 95.85, on track. April: 10.96 × 95.8 ÷ 11.36 = 92.427... =
// 92.43, not on track (the seed's note says "On track" in April all the
// same).
func TestForecastCouncilTax(t *testing.T) {
	def := psspDefinition(t, psspRows[1])
	f, err := def.Forecast(period.Must(period.ParseMonth("May-16")), dec("20.32"))
	require.NoError(t, err)
	assert.True(t, f.OnTrack)
	assert.Equal(t, "95.85", f.Projected.String())
	assert.Equal(t, "20.31", f.Profiled.String())
	assert.Equal(t, "95.8", f.Annual.String())
	f, err = def.Forecast(period.Must(period.ParseMonth("Apr-16")), dec("10.96"))
	require.NoError(t, err)
	assert.False(t, f.OnTrack)
	assert.Equal(t, "92.43", f.Projected.String())

	_, err = def.Forecast(period.Must(period.ParseMonth("Jun-16")), dec("30"))
	assert.ErrorContains(t, err, "no profiled target for Jun-16")
	_, err = mustDef(t, validSpec(t)).Forecast(period.Must(period.ParseMonth("Jun-16")), dec("30"))
	assert.ErrorContains(t, err, "no cumulative profile")
}

func TestProfiles(t *testing.T) {
	fy := period.Must(period.FinancialYear(2016))
	lin := kpi.LinearCumulative(fy, dec("96"), 2)
	// 96 × k / 12: 8 in April, 48 in September, 96 in March.
	for _, c := range []struct{ m, want string }{{"Apr-16", "8"}, {"Sep-16", "48"}, {"Mar-17", "96"}} {
		v, ok := lin.Target(period.Must(period.ParseMonth(c.m)))
		require.True(t, ok)
		assert.Equal(t, c.want, v.String(), c.m)
	}
	assert.True(t, lin.Cumulative())
	assert.Len(t, lin.Months(), 12)

	// Weighted by last year's shape: weights 1 for eleven months and 12 for
	// March (23 in all). Cumulative: April 95.8 × 1/23 = 4.165... = 4.17;
	// February 95.8 × 11/23 = 45.817... = 45.82; March 95.8.
	var w [12]decimal.Decimal
	for i := range w {
		w[i] = dec("1")
	}
	w[11] = dec("12")
	wp, err := kpi.Weighted(fy, dec("95.8"), w, true, 2)
	require.NoError(t, err)
	for _, c := range []struct{ m, want string }{{"Apr-16", "4.17"}, {"Feb-17", "45.82"}, {"Mar-17", "95.8"}} {
		v, _ := wp.Target(period.Must(period.ParseMonth(c.m)))
		assert.Equal(t, c.want, v.String(), c.m)
	}
	// Per period, the months are shares: April 95.8/23 = 4.17, March
	// 95.8 × 12/23 = 49.98.
	pp, err := kpi.Weighted(fy, dec("95.8"), w, false, 2)
	require.NoError(t, err)
	v, _ := pp.Target(period.Must(period.ParseMonth("Mar-17")))
	assert.Equal(t, "49.98", v.String())
	assert.False(t, pp.Cumulative())

	w[3] = dec("-1")
	_, err = kpi.Weighted(fy, dec("95.8"), w, true, 2)
	assert.ErrorContains(t, err, "profile.weights[3]: a weight cannot be negative")
	_, err = kpi.Weighted(fy, dec("95.8"), [12]decimal.Decimal{}, true, 2)
	assert.ErrorContains(t, err, "the weights add up to zero")

	flat := kpi.Flat(dec("85"))
	v, ok := flat.Target(period.Must(period.ParseMonth("Jan-30")))
	assert.True(t, ok)
	assert.Equal(t, "85", v.String())
	assert.True(t, flat.Equal(kpi.Flat(dec("85"))))
	assert.False(t, flat.Equal(lin))
	assert.Nil(t, flat.Months())
	_, ok = kpi.Profile{}.Target(period.Must(period.ParseMonth("Jan-30")))
	assert.False(t, ok)

	// A definition with a linear profile is valid and ends at its target.
	spec := validSpec(t)
	spec.Target = written(t, "96%")
	spec.Bands = kpi.TargetOnly()
	spec.Profile = lin
	d := mustDef(t, spec)
	tgt, err := d.TargetFor(period.Must(fy.Quarter(2)))
	require.NoError(t, err)
	assert.Equal(t, "48", tgt.String(), "a quarter of a cumulative profile is compared with its last month")
}

func TestTallies(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	cal, err := worktime.NewCalendar(worktime.CalendarSpec{
		Location: london, Hours: period.Must(worktime.ParseHours("Mon-Fri 09:00-17:00")),
		From: period.Must(period.ParseDate("2016-04-01")), To: period.Must(period.ParseDate("2016-06-01")),
	})
	require.NoError(t, err)
	at := func(d, h, m int) time.Time { return time.Date(2016, time.April, d, h, m, 0, 0, london) }
	records := []kpi.Record{
		{Start: at(8, 16, 30), End: at(11, 9, 30)}, // 1 working hour
		{Start: at(11, 9, 0), End: at(13, 9, 0)},   // 16 working hours: exactly in time
		{Start: at(11, 9, 0), End: at(13, 9, 1)},   // 16 hours and a minute: late
		{Start: at(11, 9, 0), End: at(15, 12, 0)},  // 35 hours: late
	}
	obs, err := kpi.CountPassing(records, kpi.WithinWorkingTime(cal, 16*time.Hour))
	require.NoError(t, err)
	n, d, _ := obs.Counts()
	assert.Equal(t, []string{"2", "4"}, []string{n.String(), d.String()})
	fails, err := kpi.CountFailures(records, kpi.WithinWorkingTime(cal, 16*time.Hour))
	require.NoError(t, err)
	v, _ := fails.Value()
	assert.Equal(t, "2", v.String())

	// Two working days as a count of days: started Monday 11, due by the
	// close of Wednesday 13, so the third and fourth records differ.
	obs, err = kpi.CountPassing(records, kpi.WithinWorkingDays(cal, 2))
	require.NoError(t, err)
	n, _, _ = obs.Counts()
	assert.Equal(t, "3", n.String())

	// A paused clock: started 09:00 Monday 11, paused 10:00 Monday to 09:00
	// Wednesday, stopped 17:00 Wednesday: 1 + 8 = 9 hours, in time.
	clock, err := worktime.NewClock(
		worktime.StatusChange{At: at(11, 9, 0), Event: worktime.ClockStart},
		worktime.StatusChange{At: at(11, 10, 0), Event: worktime.ClockPause},
		worktime.StatusChange{At: at(13, 9, 0), Event: worktime.ClockResume},
	)
	require.NoError(t, err)
	ok, err := kpi.WithinWorkingTime(cal, 9*time.Hour)(kpi.Record{Start: at(11, 9, 0), End: at(13, 17, 0), Clock: clock})
	require.NoError(t, err)
	assert.True(t, ok)

	// Benefit claims count both the first and the last day: 1, 3 and 8
	// days, a mean of 12 over 3 = 4.
	claims := []kpi.Record{
		{Start: at(11, 10, 0), End: at(11, 15, 0)},
		{Start: at(11, 10, 0), End: at(13, 15, 0)},
		{Start: at(8, 10, 0), End: at(15, 15, 0)},
	}
	mean, err := kpi.MeanCalendarDays(claims)
	require.NoError(t, err)
	tot, cnt, _ := mean.Counts()
	assert.Equal(t, []string{"12", "3"}, []string{tot.String(), cnt.String()})
	// In working days: 1, 3, and Friday 8 to Friday 15 is 6.
	mean, err = kpi.MeanWorkingDays(cal, claims)
	require.NoError(t, err)
	tot, _, _ = mean.Counts()
	assert.Equal(t, "10", tot.String())

	_, err = kpi.MeanCalendarDays([]kpi.Record{{Start: at(12, 0, 0), End: at(11, 0, 0)}})
	assert.ErrorContains(t, err, "ends (2016-04-11) before it starts (2016-04-12)")
	_, err = kpi.MeanWorkingDays(cal, []kpi.Record{{Start: at(12, 0, 0), End: at(11, 0, 0)}})
	assert.Error(t, err)
	_, err = kpi.CountPassing([]kpi.Record{{Start: at(1, 0, 0).AddDate(1, 0, 0), End: at(2, 0, 0).AddDate(1, 0, 0)}}, kpi.WithinWorkingTime(cal, time.Hour))
	assert.ErrorContains(t, err, "record 0")
	_, err = kpi.CountFailures([]kpi.Record{{Start: at(1, 0, 0).AddDate(1, 0, 0)}}, kpi.WithinWorkingDays(cal, 1))
	assert.Error(t, err)
	_, err = kpi.MeanWorkingDays(cal, []kpi.Record{{Start: at(1, 0, 0).AddDate(1, 0, 0), End: at(2, 0, 0).AddDate(1, 0, 0)}})
	assert.Error(t, err)
}
