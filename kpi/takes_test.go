package kpi_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestForecastPSSPMay2016 projects seed 000's cumulative collection rates
// for May 2016 to the year end, each worked by hand as actual × annual ÷
// profiled, rounded to 2 places:
//
//	R&B-K-001  20.32 × 95.8 ÷ 20.31   = 1946.656 ÷ 20.31 = 95.847… → 95.85, on track (20.32 ≥ 20.31)
//	R&B-K-008   9.96 × 30 ÷ 11.25     = 298.8 ÷ 11.25    = 26.56         off track (9.96 < 11.25)
//	R&B-K-009b 59.01 × 63 ÷ 60.00     = 3717.63 ÷ 60     = 61.9605 → 61.96, off track (59.01 < 60.00)
func TestForecastPSSPMay2016(t *testing.T) {
	may := period.Must(period.ParseMonth("May-16"))
	for _, tc := range []struct {
		ref, projected string
		onTrack        bool
	}{
		{"R&B-K-001", "95.85", true},
		{"R&B-K-008", "26.56", false},
		{"R&B-K-009b", "61.96", false},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			var row psspRow
			for _, r := range psspRows {
				if r.ref == tc.ref {
					row = r
				}
			}
			d := psspDefinition(t, row)
			res, err := kpi.Evaluate(d, may.Period(), kpi.Figure(dec(row.may)))
			require.NoError(t, err)
			f, ok := res.Forecast()
			require.True(t, ok)
			assert.Equal(t, tc.projected, f.Projected.String())
			assert.Equal(t, tc.onTrack, f.OnTrack)
			assert.True(t, f.Annual.Equal(dec(row.annual)))
			assert.True(t, f.Profiled.Equal(dec(row.mayTarget)))
		})
	}
	// A KPI with no cumulative profile has no forecast.
	d := psspDefinition(t, psspRows[0])
	res, err := kpi.Evaluate(d, may.Period(), kpi.Figure(dec("100")))
	require.NoError(t, err)
	_, ok := res.Forecast()
	assert.False(t, ok)
}

// sev3 is seed 000's ICT KPI 3: 90.0% target, detriment at 87.0%, failure
// at 84.0%, each level below the target exclusive (87.0% itself is
// detriment).
func sev3(t testing.TB, round bool) kpi.Definition {
	t.Helper()
	target, err := kpi.ParseWritten("90.0%")
	require.NoError(t, err)
	return mustDef(t, kpi.Spec{
		Ref:       "3",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums, RoundBeforeBanding: round},
		Frequency: period.Monthly(),
		Target:    target,
		Bands:     kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")),
	})
}

// TestWhatItTakesCases is the figure needed for a percentage KPI with
// counts: the smallest whole number of cases.
func TestWhatItTakesCases(t *testing.T) {
	apr := period.Must(period.ParseMonth("Apr-16")).Period()
	t.Run("887 of 1000 against 90%", func(t *testing.T) {
		// 887 ÷ 1000 = 88.7%: below 90.0, above 87.0: missed. To meet:
		// 90.0 × 1000 ÷ 100 = 900 cases, 900 − 887 = 13 more.
		obs := kpi.Counts(887, 1000)
		res, err := kpi.Evaluate(sev3(t, false), apr, obs)
		require.NoError(t, err)
		require.Equal(t, kpi.Missed, res.Status())
		needs := res.WhatItTakes(obs)
		require.Len(t, needs, 1)
		assert.Equal(t, kpi.Met, needs[0].Status)
		assert.Equal(t, "900", needs[0].Cases.String())
		assert.Equal(t, "13", needs[0].More.String())
		assert.Equal(t, "met: at least 90.0% (900 of 1000, 13 more)", needs[0].String())
	})
	t.Run("835 of 1000: failed", func(t *testing.T) {
		// 83.5% is at or below the failure level 84.0: failed. To meet:
		// 900 (65 more). To be missed rather than detriment: strictly above
		// 87.0%, 870 of 1000 is exactly 87.0 (detriment), so 871 (36 more).
		// To be detriment rather than failed: strictly above 84.0%: 841
		// (6 more).
		obs := kpi.Counts(835, 1000)
		res, err := kpi.Evaluate(sev3(t, false), apr, obs)
		require.NoError(t, err)
		require.Equal(t, kpi.Failed, res.Status())
		var got []string
		for _, n := range res.WhatItTakes(obs) {
			got = append(got, n.String())
		}
		assert.Equal(t, []string{
			"met: at least 90.0% (900 of 1000, 65 more)",
			"missed: above 87.0% (871 of 1000, 36 more)",
			"detriment: above 84.0% (841 of 1000, 6 more)",
		}, got)
	})
	t.Run("thirds: 90% of 7 is 6.3, so 7", func(t *testing.T) {
		// 6 of 7 = 85.71%: detriment (above 84, not above 87). Met needs
		// 90.0 × 7 ÷ 100 = 6.3 cases, so 7; missed needs above 87.0 × 7 ÷
		// 100 = 6.09, so 7.
		obs := kpi.Counts(6, 7)
		res, err := kpi.Evaluate(sev3(t, false), apr, obs)
		require.NoError(t, err)
		require.Equal(t, kpi.Detriment, res.Status())
		needs := res.WhatItTakes(obs)
		require.Len(t, needs, 2)
		assert.Equal(t, "7", needs[0].Cases.String())
		assert.Equal(t, "7", needs[1].Cases.String())
		assert.Equal(t, "1", needs[1].More.String())
	})
	t.Run("rounded before banding", func(t *testing.T) {
		// Rounded to one place before banding, 89.95% shows as 90.0% and
		// meets the target: of 2000 cases, 89.95 × 2000 ÷ 100 = 1799 reach
		// it, where without the rounding 1800 are needed. 1790 (89.5%) is
		// missed: 9 more.
		obs := kpi.Counts(1790, 2000)
		res, err := kpi.Evaluate(sev3(t, true), apr, obs)
		require.NoError(t, err)
		require.Equal(t, kpi.Missed, res.Status())
		needs := res.WhatItTakes(obs)
		require.Len(t, needs, 1)
		assert.Equal(t, "1799", needs[0].Cases.String())
		met, err := kpi.Evaluate(sev3(t, true), apr, kpi.Counts(1799, 2000))
		require.NoError(t, err)
		assert.Equal(t, kpi.Met, met.Status())
		missed, err := kpi.Evaluate(sev3(t, true), apr, kpi.Counts(1798, 2000))
		require.NoError(t, err)
		assert.Equal(t, kpi.Missed, missed.Status())
	})
	t.Run("below 5%: at most", func(t *testing.T) {
		// ICT KPI 10, call abandoned rate "< 5%": 52 of 1000 = 5.2% is
		// missed; below 5% of 1000 is fewer than 50, so at most 49: 3
		// fewer.
		target, err := kpi.ParseWritten("< 5%")
		require.NoError(t, err)
		d := mustDef(t, kpi.Spec{Ref: "10", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.LowerIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
			Frequency: period.Monthly(), Target: target, Bands: kpi.TargetOnly()})
		obs := kpi.Counts(52, 1000)
		res, err := kpi.Evaluate(d, apr, obs)
		require.NoError(t, err)
		needs := res.WhatItTakes(obs)
		require.Len(t, needs, 1)
		assert.Equal(t, "met: below 5% (at most 49 of 1000, 3 fewer)", needs[0].String())
	})
	t.Run("on target or no counts", func(t *testing.T) {
		res, err := kpi.Evaluate(sev3(t, false), apr, kpi.Counts(950, 1000))
		require.NoError(t, err)
		assert.Nil(t, res.WhatItTakes(kpi.Counts(950, 1000)))
		res, err = kpi.Evaluate(sev3(t, false), apr, kpi.Figure(dec("88.89")))
		require.NoError(t, err)
		needs := res.WhatItTakes(kpi.Observation{})
		require.Len(t, needs, 1)
		assert.False(t, needs[0].HasCases)
		assert.Equal(t, "met: at least 90.0%", needs[0].String())
	})
}

// TestYearNeed works out what the months left need, by hand.
func TestYearNeed(t *testing.T) {
	may := period.Must(period.ParseMonth("May-16"))
	t.Run("cumulative: R&B-K-008 in May 2016", func(t *testing.T) {
		// 30 − 9.96 = 20.04 points over the ten months Jun-16 to Mar-17:
		// 2.004 a month, rounded up to 2 places: 2.01.
		d := psspDefinition(t, psspRows[4])
		n, err := d.YearNeed(may, kpi.Figure(dec("9.96")))
		require.NoError(t, err)
		assert.Equal(t, 10, n.Months)
		assert.Equal(t, "2.01", n.PerMonth.String())
		assert.Equal(t, "needs 2.01% a month more from Jun-16 to Mar-17 to reach the annual 30%", n.String())
	})
	t.Run("annual ratio with counts", func(t *testing.T) {
		// An annual 95.8% KPI reported month by month: 1,900 of 2,000 in
		// April and May (95%). Ten months left at 1,000 a month expected:
		// 10,000. The year needs 95.8% of 12,000 = 11,496 cases, so the
		// months left need 11,496 − 1,900 = 9,596 of 10,000: 95.96%.
		target, err := kpi.ParseWritten("95.8%")
		require.NoError(t, err)
		d := mustDef(t, kpi.Spec{Ref: "Y", Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
			Frequency: period.Must(period.ParseFrequency("annual")), Target: target, Bands: kpi.TargetOnly()})
		n, err := d.YearNeed(may, kpi.Counts(1900, 2000))
		require.NoError(t, err)
		assert.Equal(t, "10000", n.Volume.String())
		assert.Equal(t, "9596", n.Cases.String())
		assert.Equal(t, "95.96", n.PerMonth.String())
		assert.Equal(t, "needs 95.96% a month from Jun-16 to Mar-17 to reach the annual 95.8% (9596 of about 10000 expected)", n.String())
	})
	t.Run("cannot say", func(t *testing.T) {
		_, err := sev3(t, false).YearNeed(may, kpi.Counts(1, 2))
		assert.True(t, errors.Is(err, kpi.ErrCannotSay))
		d := psspDefinition(t, psspRows[4])
		_, err = d.YearNeed(period.Must(period.ParseMonth("Mar-17")), kpi.Figure(dec("29")))
		assert.True(t, errors.Is(err, kpi.ErrCannotSay))
	})
}

// What a call-answering KPI needed: 887 of 1,000 calls answered against a
// 90% target, the smallest whole number of calls that meets it.
func ExampleResult_WhatItTakes_calls() {
	target, _ := kpi.ParseWritten("90%")
	d, err := kpi.New(kpi.Spec{
		Ref:       "9",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Frequency: period.Monthly(),
		Target:    target,
		Bands:     kpi.TargetDetrimentFailure(decimal.RequireFromString("87"), decimal.RequireFromString("84")),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	obs := kpi.Counts(887, 1000)
	res, _ := kpi.Evaluate(d, period.Must(period.ParseMonth("May-16")).Period(), obs)
	fmt.Println(res.Status())
	for _, n := range res.WhatItTakes(obs) {
		fmt.Println(n)
	}
	// Output:
	// missed
	// met: at least 90% (900 of 1000, 13 more)
}

// The year-end projection of a cumulative collection rate: seed 000's
// business rates arrears, 9.96% collected by May 2016 against a profile of
// 11.25% on the way to 30%.
func ExampleResult_Forecast() {
	may := period.Must(period.ParseMonth("May-16"))
	target, _ := kpi.ParseWritten("30%")
	d, _ := kpi.New(kpi.Spec{
		Ref:       "R&B-K-008",
		Measure:   kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.Latest},
		Frequency: period.Monthly(),
		Target:    target,
		Bands:     kpi.TargetOnly(),
		Profile: kpi.Explicit(decimal.RequireFromString("30"), true, map[period.Month]decimal.Decimal{
			may.AddMonths(-1): decimal.RequireFromString("7.35"), may: decimal.RequireFromString("11.25")}),
	})
	res, _ := kpi.Evaluate(d, may.Period(), kpi.Figure(decimal.RequireFromString("9.96")))
	f, _ := res.Forecast()
	fmt.Println(f.Projected, f.Annual, f.OnTrack)
	n, _ := d.YearNeed(may, kpi.Figure(decimal.RequireFromString("9.96")))
	fmt.Println(n)
	// Output:
	// 26.56 30 false
	// needs 2.01% a month more from Jun-16 to Mar-17 to reach the annual 30%
}
