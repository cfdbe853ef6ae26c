package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// abandonedCalls is seed 002's CSC_KPI_04, "% of total calls that are
// Abandoned Calls", with a target service level and a minimum service
// level whose values the minutes do not give.
func abandonedCalls(t *testing.T) kpi.Definition {
	return mustDef(t, kpi.Spec{Ref: "CSC_KPI_04", Measure: percent(kpi.LowerIsBetter), Frequency: period.Monthly(),
		Target: kpi.Written{Comparison: kpi.NotPublished}, Bands: kpi.TargetAndMinimumAt(kpi.Unpublished())})
}

// TestOutcomes rates seed 002's reported outcomes for CSC_KPI_04: failed
// TSL in August 2019 (missed), failed MSL in September (failed), TSL met
// in October.
func TestOutcomes(t *testing.T) {
	d := abandonedCalls(t)
	assert.True(t, d.OutcomesOnly())
	for _, c := range []struct {
		month string
		st    kpi.Status
		band  int
	}{{"Aug-19", kpi.Missed, 1}, {"Sep-19", kpi.Failed, 2}, {"Oct-19", kpi.Met, 0}} {
		r, err := kpi.Evaluate(d, month(c.month), kpi.Outcome(c.st, "as minuted"))
		require.NoError(t, err, c.month)
		assert.Equal(t, c.st, r.Status(), c.month)
		assert.True(t, r.IsOutcome())
		assert.False(t, r.Disagrees())
		b, ok := r.Band()
		require.True(t, ok)
		assert.Equal(t, d.Bands().Band(c.band), b)
		_, ok = r.Actual()
		assert.False(t, ok, "an outcome has no figure")
		_, ok = r.Variance()
		assert.False(t, ok)
		_, ok = r.Target()
		assert.False(t, ok, "the target is not published")
		_, _, ok = r.Level()
		assert.False(t, ok)
		w, ok := r.TargetWritten()
		require.True(t, ok)
		assert.Equal(t, "not published", w.String())
		assert.Equal(t, c.st.String()+` as reported, with no figure ("as minuted")`, r.Reason())
	}
}

func TestOutcomeMistakes(t *testing.T) {
	d := abandonedCalls(t)
	_, err := kpi.Evaluate(d, month("Aug-19"), fig(t, "4.2"))
	assert.EqualError(t, err, "kpi: CSC_KPI_04 for 2019-08: its target is not published, so the figure 4.2 cannot be rated: give the outcome reported instead")
	_, err = kpi.Evaluate(d, month("Aug-19"), kpi.Outcome(kpi.NoData, ""))
	assert.ErrorContains(t, err, "an outcome is a performance status (exceeded, met, tolerance, missed, detriment or failed), not no_data")
	only := mustDef(t, kpi.Spec{Ref: "BS-K-002", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(),
		Target: written(t, "97.00%"), Bands: kpi.TargetOnly()})
	_, err = kpi.Evaluate(only, month("Apr-16"), kpi.Outcome(kpi.Failed, ""))
	assert.EqualError(t, err, "kpi: BS-K-002 for 2016-04: the outcome failed is not on its ladder (met, missed)")
	// A published ladder rates outcomes too, in the band with the status.
	r, err := kpi.Evaluate(only, month("Apr-16"), kpi.Outcome(kpi.Missed, ""))
	require.NoError(t, err)
	assert.Equal(t, kpi.Missed, r.Status())
	tgt, ok := r.Target()
	require.True(t, ok)
	assert.Equal(t, "97", tgt.String())
	// A target that is not published cannot be profiled.
	_, err = kpi.New(kpi.Spec{Ref: "X", Measure: percent(kpi.LowerIsBetter), Frequency: period.Monthly(),
		Target:  kpi.Written{Comparison: kpi.NotPublished},
		Profile: kpi.Explicit(dec("5"), false, map[period.Month]decimal.Decimal{}),
		Bands:   kpi.TargetOnly()})
	assert.ErrorContains(t, err, "profile: a target that is not published cannot be profiled")
}

// TestOutcomesDoNotAggregate: a quarter with an outcome for one of its
// months cannot be worked out, whatever the other months' figures.
func TestOutcomesDoNotAggregate(t *testing.T) {
	m := percent(kpi.LowerIsBetter)
	m.Aggregation = kpi.Sum
	entries := []kpi.Entry{
		{Period: month("Jul-19"), Obs: fig(t, "3")},
		{Period: month("Aug-19"), Obs: kpi.Outcome(kpi.Missed, "")},
	}
	o, err := kpi.Aggregate(m, entries, nil)
	require.NoError(t, err)
	st, text := o.Reason()
	assert.Equal(t, kpi.NotMeasurable, st)
	assert.Equal(t, "outcomes reported without figures cannot be combined", text)
	// Leaving the outcome's month out (an exclusion) leaves the figures.
	o, err = kpi.Aggregate(m, entries, func(p period.Period) bool { return p == month("Aug-19") })
	require.NoError(t, err)
	v, ok := o.Value()
	require.True(t, ok)
	assert.Equal(t, "3", v.String())
}

func TestNotPublishedText(t *testing.T) {
	w, err := kpi.ParseWritten("Not published")
	require.NoError(t, err)
	assert.Equal(t, kpi.NotPublished, w.Comparison)
	assert.Equal(t, "not published", w.String())
	l, err := kpi.ParseLevel(" not published ")
	require.NoError(t, err)
	assert.Equal(t, kpi.Unpublished(), l)
	assert.Equal(t, "not published", l.String())
	_, err = kpi.ParseLevel("not published (exclusive)")
	assert.ErrorContains(t, err, "a level that is not published cannot be exclusive")
	o := kpi.Outcome(kpi.Failed, "failed MSL")
	assert.True(t, o.IsOutcome())
	assert.False(t, o.HasFigure())
	assert.Equal(t, "failed as reported (failed MSL)", o.String())
}
