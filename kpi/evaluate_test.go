package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

func TestEvaluateCounts(t *testing.T) {
	def := ictDefinition(t, ictTable[8]) // call answering within 20 seconds, 80 / 77 / 74
	// 1612 of 2015 calls is 80.0% exactly.
	r, err := kpi.Evaluate(def, month("May-16"), kpi.Counts(1612, 2015))
	require.NoError(t, err)
	assert.Equal(t, kpi.Met, r.Status())
	assert.Equal(t, "80.00% meets the target of 80%", r.Reason())
	// 1611 of 2015 is 79.950...%: below, but not at 77.
	r, err = kpi.Evaluate(def, month("May-16"), kpi.Counts(1611, 2015))
	require.NoError(t, err)
	assert.Equal(t, kpi.Missed, r.Status())
	// No calls offered: no volume.
	r, err = kpi.Evaluate(def, month("May-16"), kpi.Counts(0, 0))
	require.NoError(t, err)
	assert.Equal(t, kpi.NotMeasurable, r.Status())
	assert.Equal(t, `not measurable ("no volume")`, r.Reason())
	_, err = kpi.Evaluate(def, month("May-16"), kpi.Counts(21, 20))
	assert.ErrorContains(t, err, "the numerator 21 is more than the denominator 20")
	_, err = kpi.Evaluate(def, month("May-16"), kpi.Counts(-1, 20))
	assert.ErrorContains(t, err, "cannot be negative")
	_, err = kpi.Evaluate(def, month("May-16"), fig(t, "100.5"))
	assert.ErrorContains(t, err, "100.5% is outside 0 to 100")
}

func TestEvaluateMean(t *testing.T) {
	def := psspDefinition(t, psspRows[8]) // R&B-K-011, days, 19.00 then 19.18
	// 118.6 days over 20 claims is 5.93.
	r, err := kpi.Evaluate(def, month("Apr-16"), kpi.Mean(dec("118.6"), 20))
	require.NoError(t, err)
	assert.Equal(t, kpi.Met, r.Status())
	assert.Equal(t, "5.93 days meets the target of 19.00 days", r.Reason())
	r, err = kpi.Evaluate(def, month("Apr-16"), kpi.Mean(dec("0"), 0))
	require.NoError(t, err)
	assert.Equal(t, kpi.NotMeasurable, r.Status())
	_, err = kpi.Evaluate(def, month("Apr-16"), kpi.Mean(dec("-1"), 2))
	assert.Error(t, err)
}

// TestRoundBeforeBanding: a report that prints two places shows 79.996 as
// 80.00, which meets 80; without rounding it does not.
func TestRoundBeforeBanding(t *testing.T) {
	spec := kpi.Spec{Ref: "9", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "80%"), Bands: kpi.TargetOnly()}
	plain := mustDef(t, spec)
	spec.Measure.RoundBeforeBanding = true
	rounded := mustDef(t, spec)
	r, err := kpi.Evaluate(plain, month("May-16"), fig(t, "79.996"))
	require.NoError(t, err)
	assert.Equal(t, kpi.Missed, r.Status())
	r, err = kpi.Evaluate(rounded, month("May-16"), fig(t, "79.996"))
	require.NoError(t, err)
	assert.Equal(t, kpi.Met, r.Status())
	a, _ := r.Actual()
	assert.Equal(t, "80", a.String())
}

func TestSchemes(t *testing.T) {
	hb := percent(kpi.HigherIsBetter)
	tests := []struct {
		name   string
		spec   kpi.Spec
		figure string
		want   kpi.Status
		reason string
	}{
		{"tolerance, absolute", kpi.Spec{Target: written(t, "95%"), Bands: kpi.TargetTolerance(kpi.Abs(dec("93")))}, "94", kpi.Tolerance,
			"94% is below the target of 95% but at or above the tolerance level of 93%"},
		{"tolerance, at its level", kpi.Spec{Target: written(t, "95%"), Bands: kpi.TargetTolerance(kpi.Abs(dec("93")))}, "93", kpi.Tolerance, ""},
		{"tolerance, beyond", kpi.Spec{Target: written(t, "95%"), Bands: kpi.TargetTolerance(kpi.Abs(dec("93")))}, "92.99", kpi.Missed,
			"92.99% is below the tolerance level of 93%"},
		{"tolerance as an offset", kpi.Spec{Target: written(t, "95%"), Bands: kpi.TargetTolerance(kpi.Offset(dec("-2")))}, "93.5", kpi.Tolerance, ""},
		{"tolerance as a share of the target", kpi.Spec{Target: written(t, "80%"), Bands: kpi.TargetTolerance(kpi.PercentOf(dec("95")))}, "76", kpi.Tolerance, ""},
		{"tolerance as a share, beyond", kpi.Spec{Target: written(t, "80%"), Bands: kpi.TargetTolerance(kpi.PercentOf(dec("95")))}, "75.99", kpi.Missed, ""},
		{"exceeded when better", kpi.Spec{Target: written(t, "97%"), Bands: kpi.TargetOnly(), Exceed: kpi.ExceedWhenBetter()}, "98.15", kpi.Exceeded,
			"98.15% exceeds the target of 97%"},
		{"exactly at the target is met, not exceeded", kpi.Spec{Target: written(t, "97%"), Bands: kpi.TargetOnly(), Exceed: kpi.ExceedWhenBetter()}, "97", kpi.Met, ""},
		{"exceeded at a stretch level", kpi.Spec{Target: written(t, "97%"), Bands: kpi.TargetOnly(), Exceed: kpi.ExceedAt(kpi.Abs(dec("99")))}, "99", kpi.Exceeded, ""},
		{"short of the stretch", kpi.Spec{Target: written(t, "97%"), Bands: kpi.TargetOnly(), Exceed: kpi.ExceedAt(kpi.Abs(dec("99")))}, "98.9", kpi.Met, ""},
		// Lincolnshire: target service level 90, minimum 85; the scheme
		// names its levels the target service level and the minimum.
		{"failed TSL", kpi.Spec{Target: written(t, "90%"), Bands: kpi.TargetAndMinimum(dec("85"))}, "87", kpi.Missed,
			"87% is below the target service level of 90% but at or above the minimum service level of 85%"},
		{"at the MSL", kpi.Spec{Target: written(t, "90%"), Bands: kpi.TargetAndMinimum(dec("85"))}, "85", kpi.Missed, ""},
		{"failed MSL", kpi.Spec{Target: written(t, "90%"), Bands: kpi.TargetAndMinimum(dec("85"))}, "84.9", kpi.Failed,
			"84.9% is below the minimum service level of 85%"},
		{"ICT failure level", kpi.Spec{Target: written(t, "90%"), Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))}, "84", kpi.Failed,
			"84% is at or below the failure level of 84%"},
		{"ICT detriment level", kpi.Spec{Target: written(t, "90%"), Bands: kpi.TargetDetrimentFailure(dec("87"), dec("84"))}, "87", kpi.Detriment,
			"87% is at or below the detriment level of 87% but above the failure level of 84%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := tt.spec
			spec.Ref, spec.Measure, spec.Frequency = "x", hb, period.Monthly()
			r, err := kpi.Evaluate(mustDef(t, spec), month("May-16"), fig(t, tt.figure))
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Status())
			if tt.reason != "" {
				assert.Equal(t, tt.reason, r.Reason())
			}
		})
	}
}

// TestScoreBands: a 1 to 5 scale with score k at or above 20, 40, 60, 80,
// 90; scores of 3 or more meet the target.
func TestScoreBands(t *testing.T) {
	spec := kpi.Spec{Ref: "s", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "60%"),
		Bands: kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90"))}
	def := mustDef(t, spec)
	for _, c := range []struct {
		figure string
		score  int
		status kpi.Status
	}{{"95", 5, kpi.Met}, {"90", 5, kpi.Met}, {"89.99", 4, kpi.Met}, {"60", 3, kpi.Met}, {"59", 2, kpi.Missed}, {"20", 1, kpi.Missed}, {"19", 0, kpi.Failed}} {
		r, err := kpi.Evaluate(def, month("May-16"), fig(t, c.figure))
		require.NoError(t, err)
		b, ok := r.Band()
		require.True(t, ok)
		assert.Equal(t, c.score, b.Score, c.figure)
		assert.Equal(t, c.status, r.Status(), c.figure)
	}
}

func TestPointsAndReported(t *testing.T) {
	spec := validSpec(t)
	spec.Bands = spec.Bands.WithPoints(map[kpi.Status]decimal.Decimal{kpi.Detriment: dec("1"), kpi.Failed: dec("3")})
	def := mustDef(t, spec)
	r, err := kpi.Evaluate(def, month("May-16"), fig(t, "86").WithReported(kpi.Missed))
	require.NoError(t, err)
	assert.Equal(t, kpi.Detriment, r.Status())
	assert.Equal(t, "1", r.Points().String())
	assert.Equal(t, kpi.Missed, r.Reported())
	assert.True(t, r.Disagrees(), "the supplier reported missed; 86 is at the detriment level")
	r2, _ := kpi.Evaluate(def, month("May-16"), fig(t, "86").WithReported(kpi.Detriment))
	assert.False(t, r2.Disagrees())
	assert.True(t, r.Equal(r))
	assert.False(t, r.Equal(r2))
	assert.Equal(t, "3", r.Ref())
	assert.Equal(t, "2016-05", r.Period().String())
	nd, _ := kpi.Evaluate(def, month("May-16"), kpi.Observation{})
	assert.True(t, nd.Points().IsZero())
	_, ok := nd.Band()
	assert.False(t, ok)
	_, _, ok = nd.Level()
	assert.False(t, ok)
	_, ok = nd.Variance()
	assert.False(t, ok)
	ex, _ := kpi.Evaluate(def, month("May-16"), kpi.Missing(kpi.Excluded, "CRM pilot"))
	assert.Equal(t, kpi.Excluded, ex.Status())
	assert.Equal(t, `excluded by agreement ("CRM pilot")`, ex.Reason())
	assert.Equal(t, "", kpi.Result{}.Reason())
	assert.Equal(t, "", kpi.Result{}.Ref())
}

func TestObservationAccessors(t *testing.T) {
	o := kpi.Counts(20, 25)
	assert.Equal(t, "20 of 25", o.String())
	assert.True(t, o.HasFigure())
	_, ok := o.Value()
	assert.False(t, ok)
	assert.Equal(t, "161.4 over 20", kpi.Mean(dec("161.4"), 20).String())
	assert.Equal(t, "88.89", fig(t, "88.89").String())
	assert.Equal(t, `not_measurable (Not yet measurable)`, kpi.Missing(kpi.NotMeasurable, "Not yet measurable").String())
	assert.Equal(t, "no_data", kpi.Observation{}.String())
	st, text := fig(t, "1").Reason()
	assert.Equal(t, kpi.Status(0), st)
	assert.Empty(t, text)
	assert.True(t, o.Equal(kpi.Counts(20, 25)))
	assert.False(t, o.Equal(kpi.Counts(20, 26)))
}

// TestRatioShownOnce: 940 of 1100 is 85.4545...%, which a report prints as
// 85.45, not 85.46 (rounding 85.455 again).
func TestRatioShownOnce(t *testing.T) {
	def := ictDefinition(t, ictTable[8])
	r, err := kpi.Evaluate(def, month("May-16"), kpi.Counts(940, 1100))
	require.NoError(t, err)
	a, ok := r.Actual()
	require.True(t, ok)
	assert.Equal(t, "85.45", a.String())
	assert.Equal(t, "85.45% meets the target of 80%", r.Reason())
	// 15999 of 20000 is 79.995% exactly: it misses 80%. To two places it
	// would show as 80.00 (half away from zero) beside Missed, so it keeps
	// a third place: 79.995. (A measure that rounds before banding meets
	// 80 and shows 80.00.)
	r, err = kpi.Evaluate(def, month("May-16"), kpi.Counts(15999, 20000))
	require.NoError(t, err)
	a, _ = r.Actual()
	assert.Equal(t, kpi.Missed, r.Status())
	assert.Equal(t, "79.995", a.String())
}

// TestWrittenForms: a result writes its target as the definition does where
// it is flat, and its figure with the measure's unit.
func TestWrittenForms(t *testing.T) {
	sev1 := ictDefinition(t, ictTable[0]) // 0 failures / 1 / 2
	r, err := kpi.Evaluate(sev1, month("May-16"), kpi.Figure(dec("1")))
	require.NoError(t, err)
	tw, ok := r.TargetWritten()
	require.True(t, ok)
	assert.Equal(t, "0 failures", tw.String())
	aw, ok := r.ActualWritten()
	require.True(t, ok)
	assert.Equal(t, "1 failure", aw.String())
	assert.Equal(t, kpi.Failures, r.Measure().Unit)

	abandon := ictDefinition(t, ictTable[9]) // < 5%
	r, _ = kpi.Evaluate(abandon, month("May-16"), fig(t, "1.03"))
	tw, _ = r.TargetWritten()
	assert.Equal(t, "< 5%", tw.String())

	ctax := psspDefinition(t, psspRows[1]) // profiled: 20.31 in May
	r, _ = kpi.Evaluate(ctax, month("May-16"), fig(t, "20.32"))
	tw, _ = r.TargetWritten()
	assert.Equal(t, "20.31%", tw.String())

	rating := ictDefinition(t, ictTable[18]) // > 3.5, a plain number
	r, _ = kpi.Evaluate(rating, month("May-16"), fig(t, "4.1"))
	aw, _ = r.ActualWritten()
	assert.Equal(t, "4.1", aw.String())

	nd, _ := kpi.Evaluate(sev1, month("May-16"), kpi.Observation{})
	_, ok = nd.ActualWritten()
	assert.False(t, ok)
	_, ok = kpi.Result{}.TargetWritten()
	assert.False(t, ok)
	_, ok = kpi.Result{}.ActualWritten()
	assert.False(t, ok)
	assert.Equal(t, kpi.Measure{}, kpi.Result{}.Measure())
}
