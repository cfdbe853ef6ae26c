package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestDirectionOfTravelBands: Green met at the target of 90%; Amber
// (tolerance) at 90% of it, 81%, or better than the same period last year;
// Red (missed) at 70%; failed below. (90% of 90.00 is 81.00, as the
// reasons write it.) Worked by hand, with May-15 at 60%
// where it is known:
//
//	85%, May-15 unknown  reaches 81%: Amber, no comparison needed
//	75%, May-15 60%      short of 81%, better than 60%: Amber
//	72%, May-15 80%      short of 81%, no better: reaches 70%, Red
//	65%, May-15 80%      short of 81%, no better, short of 70%: failed
//	65%, May-15 unknown  Amber if better than last year, else below 70%:
//	                     failed; never Red. Not measurable
func TestDirectionOfTravelBands(t *testing.T) {
	bands, err := kpi.NewBands(
		kpi.Band{Name: "Green", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Amber", Status: kpi.Tolerance, Reach: kpi.PercentOf(dec("90")), OrBetterThan: kpi.SamePeriodLastYear},
		kpi.Band{Name: "Red", Status: kpi.Missed, Reach: kpi.Abs(dec("70"))},
		kpi.Band{Status: kpi.Failed},
	)
	require.NoError(t, err)
	d := mustDef(t, kpi.Spec{Ref: "T", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "90%"), Bands: bands})
	assert.True(t, d.ComparesEarlier())
	assert.Equal(t, []kpi.Earlier{kpi.SamePeriodLastYear}, d.Compares())
	lastYear := func(s string) kpi.Compared {
		r, err := kpi.Evaluate(d, month("May-15"), fig(t, s))
		require.NoError(t, err)
		return kpi.Compared{LastYear: r}
	}
	for _, c := range []struct {
		figure string
		cmp    kpi.Compared
		status kpi.Status
		reason string
	}{
		{"85", kpi.Compared{}, kpi.Tolerance, "85% is below the target of 90%: Amber (tolerance), at or above 81.00%"},
		{"75", lastYear("60"), kpi.Tolerance, "75% is below 81.00%, the level of Amber (tolerance), but better than 60% in May-15: Amber (tolerance)"},
		{"72", lastYear("80"), kpi.Missed, "72% is below 81.00%, the level of Amber (tolerance), and no better than 80% in May-15: Red (missed), at or above 70%"},
		// The last band has no name: its status names it.
		{"65", lastYear("80"), kpi.Failed, "65% is below 70%, the level of Red (missed): failed"},
		{"65", kpi.Compared{}, kpi.NotMeasurable, "65% is below 81.00%, the level of Amber (tolerance), and there is no figure for May-15 to compare with: Amber (tolerance) or failed cannot be told apart"},
	} {
		r, err := kpi.EvaluateCompared(d, month("May-16"), fig(t, c.figure), c.cmp)
		require.NoError(t, err)
		assert.Equal(t, c.status, r.Status(), c.figure)
		assert.Equal(t, c.reason, r.Reason(), c.figure)
	}
	// Reported beside 65% with last year unknown: failed is possible and
	// taken, as reported; Red is not (65% is short of 70%).
	r, err := kpi.EvaluateCompared(d, month("May-16"), fig(t, "65").WithReported(kpi.Failed), kpi.Compared{})
	require.NoError(t, err)
	assert.Equal(t, kpi.Failed, r.Status())
	assert.True(t, r.Unverifiable())
	r, err = kpi.EvaluateCompared(d, month("May-16"), fig(t, "65").WithReported(kpi.Missed), kpi.Compared{})
	require.NoError(t, err)
	assert.Equal(t, kpi.NotMeasurable, r.Status())
	assert.True(t, r.Disagrees())
	// Evaluate alone knows no earlier figure.
	r, err = kpi.Evaluate(d, month("May-16"), fig(t, "75"))
	require.NoError(t, err)
	assert.Equal(t, kpi.NotMeasurable, r.Status())

	// The last band takes every figure: it has no condition.
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: kpi.Target()}, kpi.Band{Status: kpi.Missed, OrBetterThan: kpi.PreviousPeriod})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bands[1].or_better_than: the last band takes every figure the others do not, so it has no condition")
}

func TestParseEarlier(t *testing.T) {
	for in, want := range map[string]kpi.Earlier{"previous_period": kpi.PreviousPeriod, "Previous period": kpi.PreviousPeriod,
		"same_period_last_year": kpi.SamePeriodLastYear, "same-period-last-year": kpi.SamePeriodLastYear, "last year": kpi.SamePeriodLastYear} {
		got, err := kpi.ParseEarlier(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := kpi.ParseEarlier("last week")
	require.Error(t, err)
	assert.Equal(t, `kpi: cannot read "last week" as an earlier period (want previous_period or same_period_last_year)`, err.Error())
}
