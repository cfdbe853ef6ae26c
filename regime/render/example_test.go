package render_test

import (
	"os"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// Scoring seed 000's ICT KPI 3 for April 2016 and printing the scorecard
// as a committee report's table.
func ExampleText() {
	target, _ := kpi.ParseWritten("90.0%")
	sev3, _ := kpi.New(kpi.Spec{
		Ref: "3", Description: "Resolution of severity 3 incidents", ServiceArea: "ICT",
		Frequency: period.Monthly(), Target: target,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Bands:   kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")),
	})
	april := period.Must(period.ParseMonth("Apr-16"))
	r, _ := regime.New(regime.Spec{Name: "ICT", Version: "2009", From: april, KPIs: []kpi.Definition{sev3}})
	sc, err := r.Score(regime.Input{Observations: []regime.Observation{
		{KPI: "3", Month: april, Obs: kpi.Figure(decimal.RequireFromString("88.89"))},
	}}, april.Period())
	if err != nil {
		panic(err)
	}
	_ = render.Text(os.Stdout, render.Card{Contract: "ICT", Scorecard: sc})
	// Output:
	// ICT: ICT 2009, April 2016
	//
	// Service area  Ref  Description                         Target  Actual  Status  Points  Credit  Notes
	// ICT           3    Resolution of severity 3 incidents  90.0%   88.89%  Missed
	//
	// 1 KPI: 1 Missed.
	// On target: 0 of 1 (0.00%); of the 1 rated, 0.00%.
	// Exceptions: 3.
	// Service points: 0. Credits: £0.00.
}

// A program's own table, aligned as the scorecards are.
func ExampleTable() {
	_ = render.Table(os.Stdout, [][]string{
		{"Figure", "Q1", "YTD", "Published"},
		{"Complaints", "18", "21", "21"},
		{"Very satisfied", "81.3 to 92.2", "76.1 to 92.2", "82.9"},
	})
	// Output:
	// Figure          Q1            YTD           Published
	// Complaints      18            21            21
	// Very satisfied  81.3 to 92.2  76.1 to 92.2  82.9
}

// One committee report on two contracts, as seed 000 is: ICT KPI 3 and
// the PSSP's statutory returns in April 2016, with a contents list and a
// summary across the contracts before each contract's scorecard.
func ExampleTextReport() {
	april := period.Must(period.ParseMonth("Apr-16"))
	pct := kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}
	card := func(contract, name, version, ref, desc, target, figure string, bands kpi.Bands) render.Card {
		w, _ := kpi.ParseWritten(target)
		d, err := kpi.New(kpi.Spec{Ref: ref, Description: desc, ServiceArea: contract, Frequency: period.Monthly(),
			Target: w, Measure: pct, Bands: bands})
		if err != nil {
			panic(err)
		}
		r, err := regime.New(regime.Spec{Name: name, Version: version, From: april, KPIs: []kpi.Definition{d}})
		if err != nil {
			panic(err)
		}
		sc, err := r.Score(regime.Input{Observations: []regime.Observation{
			{KPI: ref, Month: april, Obs: kpi.Figure(decimal.RequireFromString(figure))},
		}}, april.Period())
		if err != nil {
			panic(err)
		}
		return render.Card{Contract: contract, Scorecard: sc}
	}
	ict := card("ICT", "ICT", "2009", "3", "Resolution of severity 3 incidents", "90.0%", "88.89",
		kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")))
	pssp := card("PSSP", "PSSP", "2016", "STS-K-009", "Completion of statutory returns", "100.00%", "100.00", kpi.TargetOnly())
	_ = render.TextReport(os.Stdout, render.Report{
		Title:    "Serco contract performance, April 2016",
		Sections: []render.Section{{Card: pssp}, {Card: ict}},
	})
	// Output:
	// Serco contract performance, April 2016
	// ======================================
	//
	// Contents
	//
	// 1. PSSP: PSSP 2016, April 2016
	// 2. ICT: ICT 2009, April 2016
	//
	// Summary
	//
	// Contract       Period      KPIs  Met  Missed  On target  Credits  Events
	// PSSP           April 2016  1     1    0       1 of 1     £0.00    0
	// ICT            April 2016  1     0    1       0 of 1     £0.00    0
	// All contracts              2     1    1       1 of 2     £0.00    0
	//
	// 1. PSSP: PSSP 2016, April 2016
	//
	// Service area  Ref        Description                      Target   Actual   Status  Points  Credit  Notes
	// PSSP          STS-K-009  Completion of statutory returns  100.00%  100.00%  Met
	//
	// 1 KPI: 1 Met.
	// On target: 1 of 1 (100.00%); of the 1 rated, 100.00%.
	// Service points: 0. Credits: £0.00.
	//
	// 2. ICT: ICT 2009, April 2016
	//
	// Service area  Ref  Description                         Target  Actual  Status  Points  Credit  Notes
	// ICT           3    Resolution of severity 3 incidents  90.0%   88.89%  Missed
	//
	// 1 KPI: 1 Missed.
	// On target: 0 of 1 (0.00%); of the 1 rated, 0.00%.
	// Exceptions: 3.
	// Service points: 0. Credits: £0.00.
}
