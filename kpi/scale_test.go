package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestUnpublishedLevelBetweenPublished: a ladder met at 90%, tolerance at
// 87%, missed at a level not published, detriment at 80%, failed below.
// The unpublished level lies between 87% and 80%, so, worked by hand:
//
//	91%  met, reaching the target
//	88%  tolerance, reaching 87%
//	85%  below 87%, at or above 80%: missed or detriment, whichever side of
//	     the unpublished level it is; not measurable
//	79%  below 80%, and so below the unpublished level too: failed
func TestUnpublishedLevelBetweenPublished(t *testing.T) {
	bands, err := kpi.NewBands(
		kpi.Band{Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Status: kpi.Tolerance, Reach: kpi.Abs(dec("87"))},
		kpi.Band{Status: kpi.Missed, Reach: kpi.Unpublished()},
		kpi.Band{Status: kpi.Detriment, Reach: kpi.Abs(dec("80"))},
		kpi.Band{Status: kpi.Failed},
	)
	require.NoError(t, err)
	d := mustDef(t, kpi.Spec{Ref: "U", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "90%"), Bands: bands})
	for _, c := range []struct{ figure, status, reason string }{
		{"91", "met", "91% meets the target of 90%"},
		// A ladder built band by band, with no names: each band is named by
		// its status, and a level as the level of its band (80% is where
		// detriment begins, not a "failure level" guessed from the band
		// below).
		{"88", "tolerance", "88% is below the target of 90%: tolerance, at or above 87%"},
		{"85", "not_measurable", "85% is below 87%, the level of tolerance and at or above 80%, the level of detriment, and the level of missed, which decides the rest, is not published: missed or detriment cannot be told apart"},
		{"79", "failed", "79% is below 80%, the level of detriment: failed"},
	} {
		r, err := kpi.Evaluate(d, month("May-16"), fig(t, c.figure))
		require.NoError(t, err)
		assert.Equal(t, c.status, r.Status().String(), c.figure)
		assert.Equal(t, c.reason, r.Reason(), c.figure)
	}
	// A status reported that the figure could have is taken; one it could
	// not is left a disagreement.
	r, err := kpi.Evaluate(d, month("May-16"), fig(t, "85").WithReported(kpi.Detriment))
	require.NoError(t, err)
	assert.Equal(t, kpi.Detriment, r.Status())
	assert.True(t, r.Unverifiable())
	r, err = kpi.Evaluate(d, month("May-16"), fig(t, "85").WithReported(kpi.Failed))
	require.NoError(t, err)
	assert.Equal(t, kpi.NotMeasurable, r.Status(), "85% reaches 80%: it cannot be failed")
	assert.True(t, r.Disagrees())
}

// TestContextualMeasure: a contextual measure is shown, never rated: Info
// for any figure, with the target beside it where one is given; no band,
// no points, no score; an outcome is an error; a missing figure keeps its
// status.
func TestContextualMeasure(t *testing.T) {
	m := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.LowerIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums}
	d := mustDef(t, kpi.Spec{Ref: "C", Tier: kpi.TierContextual, Measure: m, Frequency: period.Monthly(), Target: written(t, "no target")})
	assert.True(t, d.IsContextual())
	assert.False(t, d.HasTarget())
	assert.Equal(t, []kpi.Status{kpi.Info}, d.Statuses())
	// 1 of 3 is 33.333...%, shown to the measure's one place: 33.3%.
	r, err := kpi.Evaluate(d, month("May-16"), kpi.Counts(1, 3))
	require.NoError(t, err)
	assert.Equal(t, kpi.Info, r.Status())
	v, ok := r.Actual()
	assert.True(t, ok)
	assert.Equal(t, "33.3", v.String())
	_, ok = r.Target()
	assert.False(t, ok)
	_, ok = r.Band()
	assert.False(t, ok)
	assert.True(t, r.Points().IsZero())
	assert.Equal(t, "33.3%, for information (not rated)", r.Reason())

	withTarget := mustDef(t, kpi.Spec{Ref: "C", Tier: kpi.TierContextual, Measure: m, Frequency: period.Monthly(), Target: written(t, "5%")})
	r, err = kpi.Evaluate(withTarget, month("May-16"), fig(t, "7.5"))
	require.NoError(t, err)
	assert.Equal(t, kpi.Info, r.Status(), "7.5% is worse than 5%, and still not rated")
	assert.Equal(t, "7.5% against a target of 5%, for information (not rated)", r.Reason())

	_, err = kpi.Evaluate(d, month("May-16"), kpi.Outcome(kpi.Met, ""))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a contextual measure is reported for information and never rated, so it takes a figure")

	r, err = kpi.Evaluate(d, month("May-16"), kpi.Missing(kpi.NoData, ""))
	require.NoError(t, err)
	assert.Equal(t, kpi.NoData, r.Status())

	// Trends compare the figures: 7.5% after 33.3%, lower is better.
	prev, err := kpi.Evaluate(d, month("Apr-16"), kpi.Counts(1, 3))
	require.NoError(t, err)
	cur, err := kpi.Evaluate(d, month("May-16"), fig(t, "7.5"))
	require.NoError(t, err)
	tr, ok := kpi.TrendOf(prev, cur)
	assert.True(t, ok)
	assert.Equal(t, kpi.Improving, tr)

	for _, c := range []struct {
		name string
		edit func(*kpi.Spec)
		want string
	}{
		{"bands", func(s *kpi.Spec) { s.Bands = kpi.TargetOnly() }, "bands: a contextual measure is reported for information and never rated, so it has no bands"},
		{"exceed", func(s *kpi.Spec) { s.Exceed = kpi.ExceedWhenBetter() }, "exceed: a contextual measure is reported for information and never rated, so it has no exceed rule"},
		{"rolling", func(s *kpi.Spec) { s.Rolling = 3 }, "rolling: a contextual measure is reported for information and never rated, so it has no rolling window"},
		{"not published", func(s *kpi.Spec) { s.Target = written(t, "not published") }, "target: a contextual measure has a target or none (no target), never one that is not published"},
		{"unit", func(s *kpi.Spec) { s.Target = written(t, "5 days") }, "target: 5 days is in days, but the measure is in percent"},
	} {
		s := kpi.Spec{Ref: "C", Tier: kpi.TierContextual, Measure: m, Frequency: period.Monthly(), Target: written(t, "no target")}
		c.edit(&s)
		_, err := kpi.New(s)
		require.Error(t, err, c.name)
		assert.Contains(t, err.Error(), c.want, c.name)
	}
}

// TestNoTargetScale: a five-point scale set by figures needs no target;
// a level set from the target, a profile or exceeding "when better" does.
func TestNoTargetScale(t *testing.T) {
	bands, err := kpi.NewBands(
		kpi.Band{Name: "Exceptional", Score: 5, Status: kpi.Exceeded, Reach: kpi.Abs(dec("98"))},
		kpi.Band{Name: "Strong", Score: 4, Status: kpi.Met, Reach: kpi.Abs(dec("95"))},
		kpi.Band{Name: "Acceptable", Score: 3, Status: kpi.Met, Reach: kpi.Abs(dec("90"))},
		kpi.Band{Name: "Adequate", Score: 2, Status: kpi.Tolerance, Reach: kpi.Abs(dec("85"))},
		kpi.Band{Name: "Unsatisfactory", Score: 1, Status: kpi.Failed},
	)
	require.NoError(t, err)
	spec := kpi.Spec{Ref: "S", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "no target"), Bands: bands}
	d := mustDef(t, spec)
	assert.Equal(t, 5, d.MaxScore())
	// 22,499 of 28,124 is 79.9993%: below 85, 1 Unsatisfactory; 90 exactly
	// reaches 3 Acceptable.
	for _, c := range []struct {
		obs    kpi.Observation
		score  int
		status kpi.Status
	}{
		{kpi.Counts(22499, 28124), 1, kpi.Failed},
		{fig(t, "90"), 3, kpi.Met},
		{fig(t, "97.99"), 4, kpi.Met},
		{fig(t, "98"), 5, kpi.Exceeded},
	} {
		r, err := kpi.Evaluate(d, month("May-16"), c.obs)
		require.NoError(t, err)
		n, ok := r.Score()
		assert.True(t, ok)
		assert.Equal(t, c.score, n, c.obs.String())
		assert.Equal(t, c.status, r.Status(), c.obs.String())
		assert.Equal(t, 5, r.MaxScore())
		_, hasTarget := r.Target()
		assert.False(t, hasTarget)
	}

	bad := spec
	bad.Bands = kpi.TargetTolerance(kpi.Offset(dec("-2")))
	_, err = kpi.New(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bands[0].level: target is set from the target, and the KPI has none")
	assert.Contains(t, err.Error(), "bands[1].level: target-2 is set from the target, and the KPI has none")
	bad = spec
	bad.Exceed = kpi.ExceedWhenBetter()
	_, err = kpi.New(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a score scale's top band says what exceeds")

	// A ladder without scores is not a scale.
	plain := mustDef(t, kpi.Spec{Ref: "P", Measure: percent(kpi.HigherIsBetter), Frequency: period.Monthly(), Target: written(t, "90%"), Bands: kpi.TargetOnly()})
	r, err := kpi.Evaluate(plain, month("May-16"), fig(t, "91"))
	require.NoError(t, err)
	_, ok := r.Score()
	assert.False(t, ok)
}

func TestNoTargetAndInfoAreRead(t *testing.T) {
	for _, s := range []string{"no target", "No Target", " none "} {
		w, err := kpi.ParseWritten(s)
		require.NoError(t, err, s)
		assert.Equal(t, kpi.NoTarget, w.Comparison, s)
		assert.Equal(t, "no target", w.String())
	}
	for _, s := range []string{"info", "For information", "for info", "Data only"} {
		st, err := kpi.ParseStatus(s)
		require.NoError(t, err, s)
		assert.Equal(t, kpi.Info, st, s)
	}
	_, err := kpi.ParseFigure("no target")
	assert.Error(t, err, "a figure is never 'no target'")
}
