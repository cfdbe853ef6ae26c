package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestIsScheme: bands built by a scheme say so, with points added and
// through a definition; the same bands built band by band do not, and are
// Equal to the scheme's only where the scheme's names are the ones a ladder
// gives its bands anyway (its statuses, the target, a score band's name):
// a ladder built band by band has no "tolerance level" or "minimum service
// level", so it explains a figure otherwise.
func TestIsScheme(t *testing.T) {
	points := map[kpi.Status]decimal.Decimal{kpi.Detriment: dec("1"), kpi.Failed: dec("3")}
	sameNames := map[string]bool{"TargetOnly": true, "ScoreBands": true}
	for name, bs := range map[string]kpi.Bands{
		"TargetOnly":             kpi.TargetOnly(),
		"TargetTolerance":        kpi.TargetTolerance(kpi.Offset(dec("-2"))),
		"TargetDetrimentFailure": kpi.TargetDetrimentFailure(dec("87"), dec("84")),
		"VolumeOfFailures":       kpi.VolumeOfFailures(1, 2),
		"TargetAndMinimum":       kpi.TargetAndMinimum(dec("85")),
		"TargetAndMinimumAt":     kpi.TargetAndMinimumAt(kpi.Unpublished()),
		"ScoreBands":             kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"), dec("80"), dec("90")),
		"WithPoints":             kpi.TargetDetrimentFailure(dec("87"), dec("84")).WithPoints(points),
	} {
		assert.True(t, bs.IsScheme(), name)
		ladder, err := kpi.NewBands(bs.List()...)
		require.NoError(t, err, name)
		assert.False(t, ladder.IsScheme(), name)
		assert.Equal(t, sameNames[name], ladder.Equal(bs), name)
	}
	spec := validSpec(t)
	spec.Bands = kpi.TargetOnly()
	assert.True(t, mustDef(t, spec).Bands().IsScheme())
	assert.True(t, mustDef(t, spec).Spec().Bands.IsScheme())
	spec.Bands = kpi.Bands{}
	assert.False(t, spec.Bands.IsScheme(), "the zero Bands")
}

// TestSchemeRulesForGoCallers: the rules a contract file's schemes obey are
// kpi.New's, so a Go caller meets them too, each a FieldError at the
// scheme's argument (the file's field of the same name).
func TestSchemeRulesForGoCallers(t *testing.T) {
	failures := kpi.Measure{Unit: kpi.Count, Polarity: kpi.LowerIsBetter, Aggregation: kpi.Sum}
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Latest}
	score := kpi.Measure{Unit: kpi.Number, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum}
	for _, c := range []struct {
		name   string
		m      kpi.Measure
		target string
		bands  kpi.Bands
		path   string
		msg    string
	}{
		// A count of failures is never negative.
		{"a negative detriment count", failures, "0 failures", kpi.VolumeOfFailures(-1, 2),
			"bands.detriment", "a number of failures is zero or more, not -1"},
		{"a negative failure count", failures, "0 failures", kpi.VolumeOfFailures(1, -2),
			"bands.failure", "a number of failures is zero or more, not -2"},
		// Lower is better: the failure count 1 is better than the detriment
		// count 2, so no figure would be detriment.
		{"failure count below the detriment count", failures, "0 failures", kpi.VolumeOfFailures(2, 1),
			"bands[2].level", "1 must be above the detriment level 2 for a lower-is-better measure (with a target of 0): the detriment band would be empty"},
		// Scores 1 to 2 only: met at 3 is no score of the scale.
		{"a score scale met at a score it lacks", score, "40", kpi.ScoreBands(3, dec("20"), dec("40")),
			"bands.met", "the score that meets the target must be 1 to 2, the scores the thresholds give, not 3"},
		// Higher is better: thresholds run up with the score, so score 2's
		// 30 under score 1's 40 is out of order (bands[0] is score 2);
		// both scores meet the target (met is 1), so score 1's band is a met
		// one.
		{"score thresholds out of order", score, "30", kpi.ScoreBands(1, dec("40"), dec("30")),
			"bands[1].level", "40 must be below the level of Score 2 30 for a higher-is-better measure (with a target of 30): the met band would be empty"},
		// 99 is above the target 98: no figure would be in tolerance.
		{"a tolerance level above the target", pct, "98%", kpi.TargetTolerance(kpi.Abs(dec("99"))),
			"bands[1].level", "99 must be below the target 98 for a higher-is-better measure: the tolerance band would be empty"},
		// 99 is above the target service level 98: no figure would be missed.
		{"a minimum above the target", pct, "98%", kpi.TargetAndMinimum(dec("99")),
			"bands[1].level", "99 must be below the target service level 98 for a higher-is-better measure: the missed band would be empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := kpi.New(kpi.Spec{Ref: "K", Measure: c.m, Frequency: period.Monthly(), Target: written(t, c.target), Bands: c.bands})
			require.ErrorIs(t, err, kpi.ErrInvalid)
			var fe *kpi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path)
			assert.Equal(t, c.msg, fe.Msg)
		})
	}
}
