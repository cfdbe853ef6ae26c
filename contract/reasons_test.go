package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// TestReasonsThroughAFile: a contract file with two compensation tiers,
// both failed, and an annual survey, scored from a return. The reasons
// name the tier reached and its level, and the survey is "an annual
// measure", due in March. (A figure keeps the places it is written with:
// 85, not 85.0.)
func TestReasonsThroughAFile(t *testing.T) {
	const file = `
id: TC
start: 2016-04-01
monthly_charge: 10000
regimes:
  - name: Tram
    version: "1"
    from: 2016-04
    kpis:
      - ref: P1
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands:
          ladder:
            - {status: met, level: target}
            - {name: Tier 1, status: failed, level: 80, points: 1}
            - {name: Tier 2, status: failed, points: 3}
      - ref: S1
        measure: {unit: percent, polarity: higher_is_better, precision: 1, aggregation: latest}
        frequency: annual
        target: 75%
`
	const figures = "kpi,period,value\nP1,Apr-16,85\nP1,May-16,75\n"
	c, err := contract.Decode(strings.NewReader(file), "tram.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader(figures), "tram.csv", c)
	require.NoError(t, err)
	want := map[string]map[string]string{
		"Apr-16": {
			"P1": "85% is below the target of 90%: Tier 1 (failed), at or above 80%",
			"S1": "not due: an annual measure (due Mar) has no measurement in Apr-16",
		},
		"May-16": {
			"P1": "75% is below 80%, the level of Tier 1 (failed): Tier 2 (failed)",
			"S1": "not due: an annual measure (due Mar) has no measurement in May-16",
		},
	}
	for month, rows := range want {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(month)))
		require.NoError(t, err)
		for _, r := range sc.Rows {
			assert.Equal(t, rows[r.KPI], r.Result.Reason(), "%s %s", r.KPI, month)
		}
	}
}
