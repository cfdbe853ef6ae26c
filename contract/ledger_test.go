package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// noCharges is a contract file with a credit rule and no charges at all.
const noCharges = `id: NC
start: 2016-04-01
regimes:
  - name: R
    from: 2016-04
    kpis:
      - ref: "3"
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums}
        frequency: monthly
        target: 90%
        bands: {scheme: target_only, points: {missed: 1}}
    credits:
      - {type: points, rate: 1}
`

// TestCreditRulesNeedCharges: credit rules scoring a month with no charge
// is an error naming the month and the contract's fields, never £0.00; with
// the charge, the missed month earns 1 point at 1% of £50,000 = £500.
func TestCreditRulesNeedCharges(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(noCharges), "nc.yaml", contract.YAML)
	require.NoError(t, err)
	obs := []regime.Observation{{KPI: "3", Month: mo("May-16"), Obs: kpi.Figure(dec("85"))}}
	_, err = c.Score(obs, mo("May-16").Period())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "contract NC: no charge for May-16, which the credit rules of regime R need: set monthly_charge, or charges[2016-05]")
	var mc *regime.MissingChargeError
	require.ErrorAs(t, err, &mc)

	c, err = contract.Decode(strings.NewReader(strings.Replace(noCharges, "start: 2016-04-01\n", "start: 2016-04-01\nmonthly_charge: 50000\n", 1)), "nc.yaml", contract.YAML)
	require.NoError(t, err)
	sc, err := c.Score(obs, mo("May-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, sc, "500")
}

// TestOpeningCreditsAndResetFromAFile: opening_credits and reset read from
// a file and written back.
func TestOpeningCreditsAndResetFromAFile(t *testing.T) {
	text := strings.Replace(noCharges, "start: 2016-04-01\n", "start: 2016-01-01\nmonthly_charge: 10000\nopening_credits: {2016-03: 950}\n", 1)
	text = strings.Replace(text, "    from: 2016-04\n", "    from: 2016-04\n    reset: true\n    caps: {rolling: 5% of charges, window: 2}\n", 1)
	c, err := contract.Decode(strings.NewReader(text), "nc.yaml", contract.YAML)
	require.NoError(t, err)
	assert.Equal(t, "950", c.Spec().OpeningCredits[mo("Mar-16")].String())
	assert.True(t, c.History().Regimes()[0].Spec().Reset)
	// April missed: 1 point at 1% of £10,000 = £100. The two-month window
	// (March and April) allows 5% of £20,000 = £1,000, less the £950
	// already applied in March: £50.
	obs := []regime.Observation{{KPI: "3", Month: mo("Apr-16"), Obs: kpi.Figure(dec("85"))}}
	sc, err := c.Score(obs, mo("Apr-16").Period())
	require.NoError(t, err)
	regimetest.Credit(t, sc, "50")
}

// TestProfileYearsAtLoadTime: a contract running to March 2018 with a KPI
// profiled for 2016/17 only is refused when the file is read, naming the
// KPI and the year it has no targets for.
func TestProfileYearsAtLoadTime(t *testing.T) {
	text := `id: PY
start: 2016-04-01
end: 2018-03-31
regimes:
  - name: R
    from: 2016-04
    kpis:
      - ref: R&B-K-001
        measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: latest}
        frequency: monthly
        target: 95.8%
        profile: {cumulative: true, months: {Apr-16: 11.36, May-16: 20.31}}
`
	_, err := contract.Decode(strings.NewReader(text), "py.yaml", contract.YAML)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "py.yaml:12: regimes[0].kpis[0].profile: KPI R&B-K-001 has no profiled target for 2017/18")
	// Ending with 2016/17, it reads.
	_, err = contract.Decode(strings.NewReader(strings.Replace(text, "end: 2018-03-31", "end: 2017-03-31", 1)), "py.yaml", contract.YAML)
	require.NoError(t, err)
}

// TestViewFromBeforeTheFirstFigure: a return whose first figure is for
// June 2019 scores Q1 2019/20 (April to June) all the same, since the
// regime is in force from April: April and May had no figure (no data),
// June's 95% meets the 90% target, so the quarter is rated on June's
// figure alone, 1 of 3 months; and 2019/20 as a whole, which runs past
// the figures, is refused with what to do.
func TestViewFromBeforeTheFirstFigure(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(`
id: LATE
start: 2019-04-01
regimes:
  - name: R
    from: 2019-04
    kpis:
      - {ref: K, measure: {unit: percent, polarity: higher_is_better, aggregation: ratio_of_sums}, frequency: monthly, target: 90%}
`), "late.yaml", contract.YAML)
	require.NoError(t, err)
	obs, err := contract.ReadObservations(strings.NewReader("kpi,period,value\nK,Jun-19,95\n"), "late.csv", c)
	require.NoError(t, err)
	sc, err := c.Score(obs, period.Must(period.ParseLabel("Q1 2019/20")))
	require.NoError(t, err)
	row, _ := sc.Row("K")
	assert.Equal(t, "met", row.Status.String())
	assert.Equal(t, map[kpi.Status]int{kpi.NoData: 2, kpi.Met: 1}, row.Tally)
	assert.Contains(t, row.Notes, "rated on the figures of 1 of 3 months: 2 had none")
	_, err = c.Score(obs, period.Must(period.ParseLabel("2019/20")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "2019/20 runs to Mar-20, but the figures run to Jun-19: score the year to date (YTD 2019/20) for as far as they go, or give the figures to its end")
}
