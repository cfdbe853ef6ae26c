package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

func validSpec(t testing.TB) kpi.Spec {
	return kpi.Spec{
		Ref: "3", Description: "Resolution of severity 3 incidents", ServiceArea: "ICT",
		Measure:   percent(kpi.HigherIsBetter),
		Frequency: period.Monthly(),
		Target:    written(t, "90.0%"),
		Bands:     kpi.TargetDetrimentFailure(dec("87.0"), dec("84.0")),
	}
}

// TestNewErrors lists likely mistakes, each with the path and message New
// gives for it.
func TestNewErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*kpi.Spec)
		wants []string
	}{
		{"no reference", func(s *kpi.Spec) { s.Ref = " " }, []string{"ref: a KPI needs a reference"}},
		{"no polarity", func(s *kpi.Spec) { s.Measure.Polarity = 0 }, []string{"measure.polarity: must be stated"}},
		{"no unit", func(s *kpi.Spec) { s.Measure.Unit = 0 }, []string{"measure.unit: must be stated"}},
		{"no aggregation", func(s *kpi.Spec) { s.Measure.Aggregation = 0 }, []string{"measure.aggregation: must be stated"}},
		{"bad precision", func(s *kpi.Spec) { s.Measure.Precision = 11 }, []string{"measure.precision: 11 decimal places"}},
		{"no frequency", func(s *kpi.Spec) { s.Frequency = period.Frequency{} }, []string{"frequency: must be stated"}},
		{"detriment above the target", func(s *kpi.Spec) { s.Bands = kpi.TargetDetrimentFailure(dec("92"), dec("84")) },
			[]string{"bands[1].level: 92 must be below the target 90 for a higher-is-better measure: the missed band would be empty"}},
		{"failure above the detriment", func(s *kpi.Spec) { s.Bands = kpi.TargetDetrimentFailure(dec("87"), dec("88")) },
			[]string{"bands[2].level: 88 must be below the detriment level 87 for a higher-is-better measure (with a target of 90): the detriment band would be empty"}},
		{"detriment equal to the failure", func(s *kpi.Spec) { s.Bands = kpi.TargetDetrimentFailure(dec("87"), dec("87")) },
			[]string{"bands[2].level: 87 must be below the detriment level 87 for a higher-is-better measure (with a target of 90): the detriment band would be empty"}},
		{"percent over 100", func(s *kpi.Spec) { s.Target = written(t, "105%") }, []string{"target: 105% is outside 0 to 100"}},
		{"target in days for a percent", func(s *kpi.Spec) { s.Target = written(t, "14 days") }, []string{"target: 14 days is in days, but the measure is in percent"}},
		{"a lower-is-better target on a higher-is-better measure", func(s *kpi.Spec) { s.Target = written(t, "< 5%"); s.Bands = kpi.TargetOnly() },
			[]string{`target: "< 5%" says lower_is_better, but the measure is higher_is_better`}},
		{"failures higher is better", func(s *kpi.Spec) {
			s.Measure = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum}
			s.Target = written(t, "0 failures")
		}, []string{"measure.polarity: a volume of failures is lower_is_better"}},
		{"no bands", func(s *kpi.Spec) { s.Bands = kpi.Bands{} }, []string{"bands: a ladder needs at least one band"}},
		{"rating without a scale", func(s *kpi.Spec) {
			s.Measure = kpi.Measure{Unit: kpi.Rating, Polarity: kpi.HigherIsBetter, Aggregation: kpi.WeightedMean}
			s.Target = written(t, "> 3.5")
			s.Bands = kpi.TargetOnly()
		}, []string{"measure.scale: a rating needs a scale"}},
		{"ratio of sums for days", func(s *kpi.Spec) {
			s.Measure = kpi.Measure{Unit: kpi.Days, Polarity: kpi.LowerIsBetter, Aggregation: kpi.RatioOfSums}
			s.Target = written(t, "14 days")
			s.Bands = kpi.TargetOnly()
		}, []string{"measure.aggregation: ratio_of_sums is for percentages"}},
		{"a cumulative profile that falls back", func(s *kpi.Spec) {
			s.Bands = kpi.TargetOnly()
			s.Target = written(t, "95.8%")
			s.Profile = kpi.Explicit(dec("95.8"), true, map[period.Month]decimal.Decimal{
				period.Must(period.ParseMonth("Apr-16")): dec("11.36"),
				period.Must(period.ParseMonth("May-16")): dec("10.00"),
			})
		}, []string{"profile[2016-05]: a cumulative profile cannot fall back: 10 after 11.36 in 2016-04"}},
		{"a cumulative profile that does not reach the annual target", func(s *kpi.Spec) {
			s.Bands = kpi.TargetOnly()
			s.Target = written(t, "95.8%")
			s.Profile = kpi.Explicit(dec("95.8"), true, map[period.Month]decimal.Decimal{
				period.Must(period.ParseMonth("Feb-17")): dec("90"),
				period.Must(period.ParseMonth("Mar-17")): dec("94"),
			})
		}, []string{"profile[2017-03]: a cumulative profile must end at the annual target 95.8, not 94"}},
		{"every problem at once", func(s *kpi.Spec) { s.Ref = ""; s.Measure.Polarity = 0; s.Frequency = period.Frequency{} },
			[]string{"ref:", "measure.polarity:", "frequency:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := validSpec(t)
			tt.edit(&spec)
			_, err := kpi.New(spec)
			require.Error(t, err)
			assert.ErrorIs(t, err, kpi.ErrInvalid)
			for _, w := range tt.wants {
				assert.ErrorContains(t, err, w)
			}
		})
	}
}

func TestNewBandsErrors(t *testing.T) {
	target := kpi.Target()
	_, err := kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: target}, kpi.Band{Status: kpi.Exceeded})
	assert.ErrorContains(t, err, "bands[1].status: exceeded is better than met above it")
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met})
	require.NoError(t, err, "a single band takes every figure")
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met}, kpi.Band{Status: kpi.Missed})
	assert.ErrorContains(t, err, "bands[0].level: every band but the last needs a level")
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: target}, kpi.Band{Status: kpi.Missed, Reach: target})
	assert.ErrorContains(t, err, "bands[1].level: the last band")
	_, err = kpi.NewBands(kpi.Band{Status: kpi.NoData})
	assert.ErrorContains(t, err, "no_data is not a status a figure can have")
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met, Points: dec("-1")})
	assert.ErrorContains(t, err, "points cannot be negative")
}

func TestFractionWarning(t *testing.T) {
	spec := validSpec(t)
	spec.Target = written(t, "0.95%")
	spec.Bands = kpi.TargetOnly()
	d, err := kpi.New(spec)
	require.NoError(t, err, "a warning, not an error: 0.4% is a real target in seed 004")
	require.Len(t, d.Warnings(), 1)
	assert.Contains(t, d.Warnings()[0], "is it a fraction (95%)?")
	assert.Empty(t, mustDef(t, validSpec(t)).Warnings())
}

func TestDefinitionAccessorsAndEqual(t *testing.T) {
	spec := validSpec(t)
	spec.Tier = kpi.TierPI
	spec.Contractual = true
	d := mustDef(t, spec)
	assert.Equal(t, "3", d.Ref())
	assert.Equal(t, "Resolution of severity 3 incidents", d.Description())
	assert.Equal(t, "ICT", d.ServiceArea())
	assert.Equal(t, kpi.TierPI, d.Tier())
	assert.True(t, d.Contractual())
	assert.Equal(t, kpi.Percent, d.Measure().Unit)
	assert.Equal(t, period.Monthly(), d.Frequency())
	assert.Equal(t, "90.0%", d.Target().String())
	assert.True(t, d.Profile().IsZero())
	assert.Equal(t, 4, d.Bands().Len())
	assert.Equal(t, "met at target; missed at 87.0 (exclusive); detriment at 84.0 (exclusive); failed", d.Bands().String())
	assert.Equal(t, "none", d.Exceed().String())
	assert.True(t, d.Equal(mustDef(t, spec)))
	other := spec
	other.Bands = kpi.TargetOnly()
	assert.False(t, d.Equal(mustDef(t, other)))
	assert.False(t, d.IsZero())
	assert.True(t, kpi.Definition{}.IsZero())
	assert.True(t, d.Spec().Bands.Equal(spec.Bands))
}

// TestUnreachableBandWarning: a band no figure in the measure's range can
// reach is likely a slip, so it is a warning (the definition still rates
// every figure: the bands below it take them).
func TestUnreachableBandWarning(t *testing.T) {
	// An exceeded band at 100% exclusive on a percentage: no percent is
	// above 100.
	spec := validSpec(t)
	l, err := kpi.ParseLevel("100 (exclusive)")
	require.NoError(t, err)
	spec.Exceed = kpi.ExceedAt(l)
	d, err := kpi.New(spec)
	require.NoError(t, err)
	assert.Equal(t, []string{"exceed: no figure can reach the exceeded band: it needs a figure beyond 100, and a percent figure cannot be"}, d.Warnings())

	// A stretch level of 101% is above the range.
	l, err = kpi.ParseLevel("101")
	require.NoError(t, err)
	spec.Exceed = kpi.ExceedAt(l)
	d, err = kpi.New(spec)
	require.NoError(t, err)
	assert.Equal(t, []string{"exceed: no figure can reach the exceeded band: it needs a figure above 101, and a percent figure cannot be"}, d.Warnings())

	// At 100% inclusive it is reachable: a figure of 100 reaches it.
	l, err = kpi.ParseLevel("100")
	require.NoError(t, err)
	spec.Exceed = kpi.ExceedAt(l)
	assert.Empty(t, mustDef(t, spec).Warnings())

	// "< 0 failures" on a lower-is-better count: no figure is below 0, so
	// the met band cannot be reached.
	fails := validSpec(t)
	fails.Measure = kpi.Measure{Unit: kpi.Failures, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	fails.Target = written(t, "< 0 failures")
	fails.Bands = kpi.TargetOnly()
	d, err = kpi.New(fails)
	require.NoError(t, err)
	assert.Equal(t, []string{"target: no figure can reach the met band: it needs a figure beyond 0, and a failures figure cannot be"}, d.Warnings())
}
