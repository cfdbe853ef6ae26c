package regime_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// Ten years of a KPI's monthly figures held in a Return, and the last two
// months scored from it. The figures are 99.50% (met) but for January 2026,
// 96.50% (below 97: failed, 3 points), February, 96.50% again (failed, and a
// repeat: 3 × 2 = 6 points) and March, 97.50% (missed, 1 point, doubled
// after February's failure: 2). At 1% of £100,000 a point: February's
// £6,000.00 is capped at £5,000.00; March's is £2,000.00. Scoring March
// runs the ledger only as far back as its trends and escalation reach,
// not over all 120 months.
func ExampleReturn() {
	r, err := regime.New(regime.Spec{
		Name: "ICT", Version: "2016", From: month("Apr-16"),
		KPIs:       []kpi.Definition{exampleKPI()},
		Repeat:     decimal.NewFromInt(2),
		Credits:    []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))},
		Caps:       regime.Caps{PerPeriod: regime.Pounds(decimal.NewFromInt(5000))},
		Escalation: []regime.Rule{regime.KConsecutive("rectification plan required", 3)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rt := new(regime.Return)
	in := regime.Input{Return: rt, Charges: map[period.Month]decimal.Decimal{}}
	for i := range 120 {
		m := month("Apr-16").AddMonths(i)
		figure := map[string]string{"Jan-26": "96.50", "Feb-26": "96.50", "Mar-26": "97.50"}[m.Label(period.Short)]
		if figure == "" {
			figure = "99.50"
		}
		rt.Add(regime.Observation{KPI: "AV-1", Month: m, Obs: kpi.Figure(decimal.RequireFromString(figure))})
		in.Charges[m] = decimal.NewFromInt(100000)
	}
	fmt.Println(rt.Len(), "rows")
	for _, m := range []string{"Feb-26", "Mar-26"} {
		sc, err := r.Score(in, month(m).Period())
		if err != nil {
			fmt.Println(err)
			return
		}
		row, _ := sc.Row("AV-1")
		fmt.Printf("%s %-6s points %s credit £%s after caps £%s\n", m, row.Status, row.Points, row.Credit.StringFixed(2), sc.Summary.Credits.StringFixed(2))
	}
	// Output:
	// 120 rows
	// Feb-26 failed points 6 credit £6000.00 after caps £5000.00
	// Mar-26 missed points 2 credit £2000.00 after caps £2000.00
}
