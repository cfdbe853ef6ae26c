package regime_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// A regime that deems a missing figure a failure: a month with no figure
// in the return, and a month the supplier claims excluded with no relief
// agreeing it, each rate failed with the points of the failed band (3),
// and so 3% of the month's £100,000 charges.
func ExampleRegime_deemedFailure() {
	r, err := regime.New(regime.Spec{
		Name: "ICT", Version: "2016", From: month("Apr-16"),
		KPIs:    []kpi.Definition{exampleKPI()},
		Missing: regime.MissingRule{DeemFailed: true},
		Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		in.Charges[month(m)] = decimal.NewFromInt(100000)
	}
	in.Observations = []regime.Observation{
		{KPI: "AV-1", Month: month("Apr-16"), Obs: kpi.Figure(decimal.RequireFromString("99.5"))},
		// May-16: no figure at all.
		{KPI: "AV-1", Month: month("Jun-16"), Obs: kpi.Missing(kpi.Excluded, "network upgrade")},
	}
	l, err := r.Run(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		sc, _ := l.Scorecard(month(m).Period())
		row, _ := sc.Row("AV-1")
		fmt.Printf("%s %-6s deemed %-5v claim refused %-5v points %s credit £%s\n", m, row.Status, row.Deemed, row.ClaimRefused,
			row.Points, row.Credit.StringFixed(2))
	}
	// Output:
	// Apr-16 met    deemed false claim refused false points 0 credit £0.00
	// May-16 failed deemed true  claim refused false points 3 credit £3000.00
	// Jun-16 failed deemed true  claim refused true  points 3 credit £3000.00
}
