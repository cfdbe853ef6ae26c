package regime_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

// What a missed month needed, and what stays at stake: AV-1 (99% target,
// Minor above 97%, Severe at or below) had 9,750 of 10,000 minutes up in
// May, 97.50%: Minor, 1 point, 1% of the £10,000 charge, £100. Met needed
// 99% of 10,000 = 9,900 minutes, 150 more. Kept at Minor, June is a
// repeat: 2 points, £200 on June's charge.
func ExampleLedger_WhatItTakes() {
	r, _ := regime.New(regime.Spec{
		Name: "ICT", Version: "2016", From: month("Apr-16"),
		KPIs:    []kpi.Definition{exampleKPI()},
		Repeat:  decimal.NewFromInt(2),
		Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))},
	})
	ten := decimal.NewFromInt(10000)
	l, err := r.Run(regime.Input{
		Observations: []regime.Observation{{KPI: "AV-1", Month: month("May-16"), Obs: kpi.Counts(9750, 10000)}},
		Charges:      map[period.Month]decimal.Decimal{month("May-16"): ten, month("Jun-16"): ten},
		Through:      month("Jun-16"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, _ := l.Scorecard(month("May-16").Period())
	if err := l.WhatItTakes(sc); err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("AV-1")
	fmt.Println(row.Status, row.Credit)
	for _, n := range row.Takes.Notes() {
		fmt.Println(n)
	}
	// Output:
	// missed 100
	// needed for Met: at least 99% (9900 of 10000, 150 more)
	// at stake in Jun-16 if it stays so: £200.00
}

// The same month a year on: May 2017 against May 2016, as a committee's
// direction-of-travel column reads it.
func ExampleLedger_CompareYearBefore() {
	r, _ := regime.New(regime.Spec{Name: "ICT", Version: "2016", From: month("Apr-16"), KPIs: []kpi.Definition{exampleKPI()}})
	l, err := r.Run(regime.Input{Observations: []regime.Observation{
		{KPI: "AV-1", Month: month("May-16"), Obs: kpi.Figure(decimal.RequireFromString("97.5"))},
		{KPI: "AV-1", Month: month("May-17"), Obs: kpi.Figure(decimal.RequireFromString("99.2"))},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, _ := l.Scorecard(month("May-17").Period())
	if err := l.CompareYearBefore(sc); err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("AV-1")
	yb := row.YearBefore
	a, _ := yb.Result.Actual()
	fmt.Println(sc.YearBefore.Label(period.Short), yb.Status, a, "->", row.Status, yb.Travel)
	// Output:
	// May-16 missed 97.5 -> met improved
}
