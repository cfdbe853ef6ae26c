package regime_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// Escalation rules built by their constructors. AV-1's target is 99%, its
// minor band (missed) starts at 97%, and below that it fails. April's 96%
// fails, so "critical failure" (the status failed reached, for AV-1 alone)
// is raised in April; May's 99.5% is met; June's 98% misses, a second
// failure in the three months April to June (a failure is missed or worse
// by default), so "material failure" (2 failures in any 3 periods) is
// raised in June, and June raises no critical failure: missed is not failed.
func ExampleNFailuresInM() {
	r, err := regime.New(regime.Spec{
		Name: "ICT", From: month("Apr-16"), KPIs: []kpi.Definition{exampleKPI()},
		Escalation: []regime.Rule{
			regime.NFailuresInM("material failure", 2, 3),
			regime.StatusReached("critical failure", kpi.Failed).ForKPI("AV-1"),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	figures := map[string]string{"Apr-16": "96", "May-16": "99.5", "Jun-16": "98"}
	var in regime.Input
	for m, v := range figures {
		in.Observations = append(in.Observations, regime.Observation{KPI: "AV-1", Month: month(m), Obs: kpi.Figure(decimal.RequireFromString(v))})
	}
	l, err := r.Run(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		sc, _ := l.Scorecard(month(m).Period())
		row, _ := sc.Row("AV-1")
		fmt.Printf("%s %s %s:", m, figures[m], row.Status)
		for _, e := range sc.Events {
			fmt.Printf(" %s for %s in %s;", e.Name, e.KPI, e.Period.Label(period.Short))
		}
		fmt.Println()
	}
	// Output:
	// Apr-16 96 failed: critical failure for AV-1 in Apr-16;
	// May-16 99.5 met:
	// Jun-16 98 missed: material failure for AV-1 in Jun-16;
}
