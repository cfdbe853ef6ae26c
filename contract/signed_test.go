package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// signedFile has a schedule variance in days (negative is late), met at
// -2 days or better, failed at -10 or worse, and a net-money measure.
const signedFile = `
id: BUILD
start: 2016-04-01
regimes:
  - name: Capital programme
    from: 2016-04
    kpis:
      - ref: V1
        description: Schedule variance (days; negative is late)
        measure: {unit: days, polarity: higher_is_better, aggregation: weighted_mean, signed: true}
        frequency: monthly
        target: ">= -2 days"
        bands: {scheme: target_detriment_failure, detriment: "-5", failure: "-10"}
      - ref: N1
        description: Net savings
        measure: {unit: money, polarity: higher_is_better, aggregation: sum}
        frequency: monthly
        target: "-£1,000"
`

// TestSignedThroughAFile, worked by hand against the levels above (met at
// -2 or more; missed below -2 down to -5; detriment from -5 down to -10;
// failed at -10 or below, the failure level being exclusive as its scheme
// writes it):
//
//	V1  +3 met; -2 met (at the target); -4 missed; -7 detriment; -12 failed
//	N1  -£500 met (at least -£1,000); -£1,500 missed
func TestSignedThroughAFile(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(signedFile), "build.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value\nV1,Apr-16,+3\nV1,May-16,-2\nV1,Jun-16,−4\nV1,Jul-16,-7 days\nV1,Aug-16,-12\n" +
		"N1,Apr-16,-£500\nN1,May-16,\"-£1,500\"\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "build.csv", c)
	require.NoError(t, err)
	for _, w := range []struct{ month, kpi, status string }{
		{"Apr-16", "V1", "met"}, {"May-16", "V1", "met"}, {"Jun-16", "V1", "missed"},
		{"Jul-16", "V1", "detriment"}, {"Aug-16", "V1", "failed"},
		{"Apr-16", "N1", "met"}, {"May-16", "N1", "missed"},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, _ := sc.Row(w.kpi)
		assert.Equal(t, w.status, row.Status.String(), "%s %s", w.kpi, w.month)
	}

	// A sign where the measure is not signed names the sign.
	unsigned := strings.Replace(signedFile, ", signed: true}", "}", 1)
	_, err = contract.Decode(strings.NewReader(unsigned), "build.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "regimes[0].kpis[0].target: -2 has a sign, but a days figure is zero or more (a measure whose figures can be negative says signed: true)")

	// Written back and read again, in both formats.
	roundTrip(t, c, "build")
}
