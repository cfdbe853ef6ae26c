package kpi_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/kpi"
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
