package kpi_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
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
	assert.True(t, def.Equal(mustDef(t, validSpec(t))), "the definition is the seed's 90/87/84 ladder still")
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
