package contract_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kpiregime/kpiregime/contract"
	"github.com/kpiregime/kpiregime/period"
)

// incentiveFile pays £1,000 for each 0.1 of a percentage point of
// punctuality (P) above 92.0% and deducts £1,000 for each 0.1 below it,
// bonuses from a fund of £10,000 a year and deductions at most £3,000 a
// year, the rates indexed by 1.1 from April 2017; and £100 for each
// complaint (C, lower is better) fewer than 20, with no deduction. P also
// carries service points, to show the two kept apart: 1 point missed at
// 1% of the £100,000 charge, £1,000.
const incentiveFile = `
id: INC
start: 2016-04-01
monthly_charge: 100000
regimes:
  - name: Franchise
    from: 2016-04
    kpis:
      - {ref: P, measure: {unit: percent, polarity: higher_is_better, precision: 2, aggregation: ratio_of_sums},
         frequency: monthly, target: 92%, bands: {scheme: target_only, points: {missed: 1}}}
      - {ref: C, measure: {unit: count, polarity: lower_is_better, aggregation: sum}, frequency: monthly, target: 20}
    credits:
      - {type: points, rate: 1}
    incentives:
      - {kpi: P, benchmark: 92.0, per: 0.1, rate: £1000, fund: £10000, deduction_cap: £3000, index: {2017-04: 1.1}}
      - {kpi: C, benchmark: 20, bonus: £100}
`

// TestIncentives, worked by hand:
//
//	P Apr-16 92.37%  0.37 above, 3 whole units of 0.1: bonus £3,000
//	P May-16 91.85%  0.15 below, 1 unit: deduction £1,000 (and missed:
//	                 1 point, a £1,000 service credit, apart)
//	P Jun-16 94.00%  20 units: £20,000 earned; the fund has £10,000 -
//	                 £3,000 = £7,000 left: bonus £7,000, £13,000 not paid
//	P Jul-16 90.00%  20 units below: £20,000 due; the cap has £3,000 -
//	                 £1,000 = £2,000 left: deduction £2,000
//	P Aug-16 95.00%  30 units: the fund is spent, nothing paid
//	P Apr-17 92.50%  5 units, a new year and fund, the rate indexed:
//	                 5 × £1,000 × 1.1 = bonus £5,500
//	C May-16 17      3 fewer than 20: bonus £300; C Jun-16 25: 5 more,
//	                 no deduction rate, nothing
//
// 2016/17 to August: bonuses £3,000 + £300 + £7,000 = £10,300,
// deductions £1,000 + £2,000 = £3,000, service credits £1,000 (May) +
// £1,000 (July, missed) = £2,000.
func TestIncentives(t *testing.T) {
	c, err := contract.Decode(strings.NewReader(incentiveFile), "inc.yaml", contract.YAML)
	require.NoError(t, err)
	const figures = "kpi,period,value\n" +
		"P,Apr-16,92.37\nP,May-16,91.85\nP,Jun-16,94.00\nP,Jul-16,90.00\nP,Aug-16,95.00\nP,Apr-17,92.50\n" +
		"C,May-16,17\nC,Jun-16,25\n"
	obs, err := contract.ReadObservations(strings.NewReader(figures), "inc.csv", c)
	require.NoError(t, err)
	for _, w := range []struct{ month, kpi, bonus, deduction, note string }{
		{"Apr-16", "P", "3000.00", "0.00", "bonus paid to the supplier: £3,000.00 (3 units of 0.1 better than the benchmark of 92.0)"},
		{"May-16", "P", "0.00", "1000.00", "deduction from the supplier: £1,000.00 (1 unit of 0.1 worse than the benchmark of 92.0)"},
		{"Jun-16", "P", "7000.00", "0.00", "bonus: £20,000.00 earned, £13,000.00 not paid: the year's fund of £10,000.00 is spent"},
		{"Jul-16", "P", "0.00", "2000.00", "deduction: £20,000.00 due, £18,000.00 not taken: the year's cap of £3,000.00 is reached"},
		{"Aug-16", "P", "0.00", "0.00", "bonus: £30,000.00 earned, £30,000.00 not paid: the year's fund of £10,000.00 is spent"},
		{"Apr-17", "P", "5500.00", "0.00", "bonus paid to the supplier: £5,500.00 (5 units of 0.1 better than the benchmark of 92.0, indexed ×1.1)"},
		{"May-16", "C", "300.00", "0.00", "bonus paid to the supplier: £300.00 (3 units of 1 better than the benchmark of 20)"},
		{"Jun-16", "C", "0.00", "0.00", ""},
	} {
		sc, err := c.Score(obs, period.Must(period.ParseLabel(w.month)))
		require.NoError(t, err)
		row, _ := sc.Row(w.kpi)
		assert.Equal(t, w.bonus, row.Moves().Bonus.StringFixed(2), "%s %s", w.kpi, w.month)
		assert.Equal(t, w.deduction, row.Moves().Deduction.StringFixed(2), "%s %s", w.kpi, w.month)
		if w.note != "" {
			assert.Contains(t, row.Notes, w.note, "%s %s", w.kpi, w.month)
		}
	}
	sc, err := c.Score(obs, period.Must(period.ParseLabel("YTD 2016/17 to Aug-16")))
	require.NoError(t, err)
	assert.Equal(t, "10300.00", sc.Summary.Bonuses.StringFixed(2))
	assert.Equal(t, "3000.00", sc.Summary.Deductions.StringFixed(2))
	assert.Equal(t, "2000.00", sc.Summary.Credits.StringFixed(2), "the service credits, apart from the incentives")
}

// TestIncentiveErrors: each problem names its field.
func TestIncentiveErrors(t *testing.T) {
	for edit, want := range map[string]string{
		"{kpi: X, benchmark: 20, bonus: £100}":                    `regimes[0].incentives[1].kpi: no KPI "X" in the regime`,
		"{kpi: C, benchmark: 20}":                                 "regimes[0].incentives[1]: an incentive needs a bonus, a deduction or both (per unit of performance)",
		"{kpi: C, benchmark: 20, rate: £100, bonus: £50}":         "regimes[0].incentives[1].rate: give a rate (both ways), or a bonus and a deduction, not both",
		"{kpi: P, benchmark: 20, bonus: £100}":                    "regimes[0].incentives[1].kpi: P already has an incentive (incentives[0])",
		"{kpi: C, benchmark: 20, bonus: 5% of charges}":           `regimes[0].incentives[1].bonus: "5% of charges" is a share of the charges; this is an amount of money (£1000)`,
		"{kpi: C, benchmark: 20, bonus: £1, index: {2017-04: 0}}": "regimes[0].incentives[1].index[0]: an index factor is more than zero, not 0",
	} {
		file := strings.Replace(incentiveFile, "{kpi: C, benchmark: 20, bonus: £100}", edit, 1)
		_, err := contract.Decode(strings.NewReader(file), "inc.yaml", contract.YAML)
		require.Error(t, err, edit)
		assert.Contains(t, err.Error(), want, edit)
	}
}
