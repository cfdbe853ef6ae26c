package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
)

// TestDefinitionCannotBeChangedThroughItsBands: a band's level is a value,
// so editing the bands passed to NewBands, or the bands a definition hands
// out, leaves the definition rating as before. Worked by hand for 90% / 87%
// / 84% (higher is better): 88.00 is short of 90 and not beyond 87, so
// missed, on the fast path and the exact one alike.
func TestDefinitionCannotBeChangedThroughItsBands(t *testing.T) {
	in := []kpi.Band{
		{Status: kpi.Met, Reach: kpi.Target()},
		{Status: kpi.Missed, Reach: kpi.Abs(dec("87")).Exclusive()},
		{Status: kpi.Detriment, Reach: kpi.Abs(dec("84")).Exclusive()},
		{Status: kpi.Failed},
	}
	bands, err := kpi.NewBands(in...)
	require.NoError(t, err)
	spec := validSpec(t)
	spec.Bands = bands
	def := mustDef(t, spec)
	rate := func() kpi.Status {
		r, err := kpi.Evaluate(def, month("Apr-24"), kpi.Figure(dec("88.00")))
		require.NoError(t, err)
		return r.Status()
	}
	require.Equal(t, kpi.Missed, rate())

	in[1].Reach.Value = dec("95") // what was passed in
	b := def.Bands().Band(1)      // what is handed out: a copy
	b.Reach.Value = dec("95")
	list := def.Bands().List()
	list[1].Reach = kpi.Abs(dec("95"))
	s := def.Spec()
	s.Bands.List()[1].Reach.Value = dec("95")

	assert.Equal(t, kpi.Missed, rate())
	assert.True(t, def.Bands().Band(1).Reach.Equal(kpi.Abs(dec("87")).Exclusive()))
	fresh, err := kpi.NewBands(
		kpi.Band{Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Status: kpi.Missed, Reach: kpi.Abs(dec("87")).Exclusive()},
		kpi.Band{Status: kpi.Detriment, Reach: kpi.Abs(dec("84")).Exclusive()},
		kpi.Band{Status: kpi.Failed},
	)
	require.NoError(t, err)
	spec.Bands = fresh
	assert.True(t, def.Equal(mustDef(t, spec)), "the definition is the 90/87/84 ladder still")
}

// TestZeroLevelIsTheLastBand: the zero Level is no level, so a ladder is
// written by hand with the last band's Reach left out, and a band above the
// last without one is an error.
func TestZeroLevelIsTheLastBand(t *testing.T) {
	assert.True(t, kpi.Level{}.IsZero())
	assert.False(t, kpi.Abs(dec("0")).IsZero(), "Abs(0) is a level: zero percent")
	_, err := kpi.NewBands(kpi.Band{Status: kpi.Met, Reach: kpi.Target()}, kpi.Band{Status: kpi.Missed})
	require.NoError(t, err)
	_, err = kpi.NewBands(kpi.Band{Status: kpi.Met}, kpi.Band{Status: kpi.Missed})
	require.ErrorIs(t, err, kpi.ErrInvalid)
	assert.Contains(t, err.Error(), "bands[0].level: every band but the last needs a level")

	spec := validSpec(t)
	spec.Bands = kpi.TargetTolerance(kpi.Level{})
	_, err = kpi.New(spec)
	require.ErrorIs(t, err, kpi.ErrInvalid)
	assert.Contains(t, err.Error(), "bands[1].level: every band but the last needs a level")

	spec = validSpec(t)
	spec.Exceed = kpi.ExceedAt(kpi.Level{})
	_, err = kpi.New(spec)
	require.ErrorIs(t, err, kpi.ErrInvalid)
	assert.Contains(t, err.Error(), "exceed: a stretch level needs a level")
}

// TestConstructorsRefuseWhatCannotBe: each argument that cannot be right
// gives an error where it is used, never a result that reads as if it were.
func TestConstructorsRefuseWhatCannotBe(t *testing.T) {
	def := mustDef(t, validSpec(t))

	t.Run("a missing figure cannot have met", func(t *testing.T) {
		for _, reason := range []kpi.Status{kpi.Met, kpi.Failed, kpi.Info, kpi.Status(42)} {
			_, err := kpi.Evaluate(def, month("Apr-24"), kpi.Missing(reason, ""))
			require.Error(t, err, "%s", reason)
			assert.Contains(t, err.Error(), "kpi: 3 for 2024-04: a missing figure's reason is "+reason.String()+": want not_due, no_data, not_measurable or excluded")
		}
		for _, reason := range []kpi.Status{0, kpi.NotDue, kpi.NoData, kpi.NotMeasurable, kpi.Excluded} {
			r, err := kpi.Evaluate(def, month("Apr-24"), kpi.Missing(reason, ""))
			require.NoError(t, err)
			want := reason
			if reason == 0 {
				want = kpi.NoData // the zero Status is no data
			}
			assert.Equal(t, want, r.Status())
		}
	})

	t.Run("the zero Period", func(t *testing.T) {
		_, err := kpi.Evaluate(def, period.Period{}, kpi.Figure(dec("95")))
		require.EqualError(t, err, "kpi: 3: evaluating for the zero Period: give the period the figure is for")
	})

	t.Run("a score scale met at a score it does not have", func(t *testing.T) {
		spec := kpi.Spec{Ref: "S1", Measure: kpi.Measure{Unit: kpi.Number, Polarity: kpi.HigherIsBetter, Aggregation: kpi.Sum},
			Frequency: period.Monthly(), Target: written(t, "60"), Bands: kpi.ScoreBands(0, dec("20"), dec("40"), dec("60"))}
		_, err := kpi.New(spec)
		require.ErrorIs(t, err, kpi.ErrInvalid)
		assert.Contains(t, err.Error(), "bands: the score that meets the target must be 1 to 3, the scores the thresholds give, not 0")
		spec.Bands = kpi.ScoreBands(4, dec("20"), dec("40"), dec("60"))
		_, err = kpi.New(spec)
		assert.ErrorContains(t, err, "bands: the score that meets the target must be 1 to 3, the scores the thresholds give, not 4")
		spec.Bands = kpi.ScoreBands(0, dec("20"), dec("40"), dec("60")).WithPoints(map[kpi.Status]decimal.Decimal{kpi.Failed: dec("3")})
		_, err = kpi.New(spec)
		assert.ErrorContains(t, err, "not 0", "WithPoints keeps the problem")
		_, err = kpi.New(kpi.Spec{Ref: "C", Frequency: period.Monthly(), Parts: []string{"A", "B"}, Bands: kpi.ScoreBands(0, dec("20"))})
		assert.ErrorContains(t, err, "bands: the score that meets the target must be 1 to 1, the scores the thresholds give, not 0", "a KPI made of parts too")
		// With met 3, 25 reaches 20 (score 1) but not 40: score 1, missed.
		spec.Bands = kpi.ScoreBands(3, dec("20"), dec("40"), dec("60"))
		r, err := kpi.Evaluate(mustDef(t, spec), month("Apr-24"), kpi.Figure(dec("25")))
		require.NoError(t, err)
		assert.Equal(t, kpi.Missed, r.Status())
	})
}

// TestDefinitionCannotBeChangedThroughItsProfileOrParts: a profile copies
// the months and years it is given, and a definition its parts, so editing
// the maps and slices passed in changes nothing. By hand, the profile's
// target for April 2016 is 11.36 (seed 000's R&B-K-001), and the compound
// KPI's parts are A and B.
func TestDefinitionCannotBeChangedThroughItsProfileOrParts(t *testing.T) {
	apr, may := period.Must(period.ParseMonth("Apr-16")), period.Must(period.ParseMonth("May-16"))
	byMonth := map[period.Month]decimal.Decimal{apr: dec("11.36"), may: dec("20.31")}
	y := period.Years{}.Of(apr)
	annual := map[period.Year]decimal.Decimal{y: dec("95.8")}
	spec := validSpec(t)
	spec.Target = written(t, "95.8%")
	spec.Bands = kpi.TargetOnly()
	spec.Profile = kpi.ExplicitYears(period.Years{}, true, annual, byMonth)
	def := mustDef(t, spec)
	byMonth[apr] = dec("99")
	annual[y] = dec("1")
	got, ok := def.Profile().Target(apr)
	require.True(t, ok)
	assert.Equal(t, "11.36", got.String())
	a, _ := def.Profile().AnnualOf(y)
	assert.Equal(t, "95.8", a.String())

	parts := []string{"A", "B"}
	c := mustDef(t, kpi.Spec{Ref: "C", Frequency: period.Monthly(), Parts: parts})
	parts[0] = "Z"
	c.Parts()[1] = "Z"
	c.Spec().Parts[1] = "Z"
	assert.Equal(t, []string{"A", "B"}, c.Parts())
}

// TestZeroLevelIsWrittenAsNothing: no level is written "", and "" is not a
// level to read back.
func TestZeroLevelIsWrittenAsNothing(t *testing.T) {
	assert.Equal(t, "", kpi.Level{}.String())
	_, err := kpi.ParseLevel("")
	assert.ErrorContains(t, err, "there is no level")
	assert.Equal(t, "met at target; missed", kpi.TargetOnly().String())
}
