package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// tiersFile has a KPI (K) and a performance indicator (P), each worth 2
// points when missed, at 1% of the £100,000 monthly charge a point, and an
// escalation rule that raises an event for any failure.
const tiersFile = `
id: TIERS
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: R
    from: 2016-04
    kpis:
      - {ref: K, tier: kpi, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
      - {ref: P, tier: pi, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums},
         frequency: monthly, target: 90%, bands: {scheme: target_only, points: {missed: 2}}}
    credits:
      - {type: points, rate: 1}
    escalation:
      - {event: warning, rule: failures_in_window, failures: 1, periods: 1}
`

// TestTierDecidesConsequences, worked by hand: in May 2016 K (80%) and P
// (80%) are both missed. By default only a KPI carries consequences: K
// earns 2 points, 2% of £100,000 = £2,000 and a warning; P is shown as
// missed, with no points, credit or event (before, it earned £2,000 too).
// A regime that says consequences: [kpi, pi] charges both: £4,000 and two
// warnings.
func TestTierDecidesConsequences(t *testing.T) {
	for _, c := range []struct {
		name, edit, credits, points string
		events                      int
	}{
		{"kpi alone", "", "2000", "2", 1},
		{"kpi and pi", "    consequences: [kpi, pi]\n", "4000", "4", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := strings.Replace(tiersFile, "    credits:\n", c.edit+"    credits:\n", 1)
			ct, err := contract.Decode(strings.NewReader(file), "tiers.yaml", contract.YAML)
			require.NoError(t, err)
			obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nK,May-16,80\nP,May-16,80\n"), "tiers.csv", ct)
			require.NoError(t, err)
			sc, err := ct.Score(obs, period.Must(period.ParseLabel("May-16")))
			require.NoError(t, err)
			p, _ := sc.Row("P")
			assert.Equal(t, "missed", p.Status.String(), "the PI is rated either way")
			assert.Equal(t, c.credits, sc.Summary.Credits.String())
			assert.Equal(t, c.points, sc.Summary.Points.String())
			assert.Len(t, sc.Events, c.events)
		})
	}
	bad := strings.Replace(tiersFile, "    credits:\n", "    consequences: [kpi, vip]\n    credits:\n", 1)
	_, err := contract.Decode(strings.NewReader(bad), "tiers.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `regimes[0].consequences[1]: cannot read "vip" as a tier`)
}
