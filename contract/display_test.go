package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// TestShownFigureAgreesWithStatus: 22,499 of 28,124 calls answered is
// 79.99929%, missed against a target of 80%. The row's figure is 79.999%,
// not the 80.00% that rounding to the measure's two places would show
// beside Missed (worked in kpi's TestShownFigureNeverContradictsItsStatus).
func TestShownFigureAgreesWithStatus(t *testing.T) {
	const file = `
id: CALLS
start: 2016-04-01
regimes:
  - name: Contact centre
    from: 2016-04
    kpis:
      - ref: "9"
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 80%
`
	c, err := contract.Decode(strings.NewReader(file), "calls.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,numerator,denominator,value\n9,May-16,22499,28124,\n"), "calls.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("May-16")))
	require.NoError(t, err)
	row, ok := sc.Row("9")
	require.True(t, ok)
	assert.Equal(t, "missed", row.Status.String())
	w, ok := row.Result.ActualWritten()
	require.True(t, ok)
	assert.Equal(t, "79.999%", w.String())
	assert.Equal(t, "79.999% is below the target of 80%", row.Result.Reason())
}
