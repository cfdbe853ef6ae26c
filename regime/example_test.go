package regime_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
)

func exampleKPI() kpi.Definition {
	target, _ := kpi.ParseWritten("99%")
	bands, _ := kpi.NewBands(
		kpi.Band{Name: "Met", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Minor", Status: kpi.Missed, Reach: kpi.Abs(decimal.RequireFromString("97")), Points: decimal.NewFromInt(1)},
		kpi.Band{Name: "Severe", Status: kpi.Failed, Points: decimal.NewFromInt(3)}, // the last band: no level
	)
	d, _ := kpi.New(kpi.Spec{Ref: "AV-1", Description: "Service availability", Frequency: period.Monthly(), Target: target, Bands: bands,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}})
	return d
}

func month(s string) period.Month { return period.Must(period.ParseMonth(s)) }

// A regime with service points doubled for a repeat failure, converted to
// credits at 1% of the month's charges per point, capped at £5,000 a month.
func ExampleRegime_Run() {
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
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for i, f := range []string{"96.5", "98.5", "96.5"} {
		m := month("Apr-16").AddMonths(i)
		in.Observations = append(in.Observations, regime.Observation{KPI: "AV-1", Month: m, Obs: kpi.Figure(decimal.RequireFromString(f))})
		in.Charges[m] = decimal.NewFromInt(100000)
	}
	l, err := r.Run(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		sc, _ := l.Scorecard(month(m).Period())
		row, _ := sc.Row("AV-1")
		fmt.Printf("%s %-6s points %s credit £%s after caps £%s %v\n", m, row.Status, row.Points, row.Credit.StringFixed(2),
			sc.Summary.Credits.StringFixed(2), len(sc.Events) > 0)
	}
	// Output:
	// Apr-16 failed points 3 credit £3000.00 after caps £3000.00 false
	// May-16 missed points 2 credit £2000.00 after caps £2000.00 false
	// Jun-16 failed points 6 credit £6000.00 after caps £5000.00 true
}

// Relief: an exclusion takes months out; a mitigation keeps the status but
// no credit accrues.
func ExampleRelief() {
	r, _ := regime.New(regime.Spec{
		Name: "PSSP", Version: "2016", From: month("Apr-16"),
		KPIs:    []kpi.Definition{exampleKPI()},
		Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))},
		Relief: []regime.Relief{
			{Kind: regime.Exclusion, KPI: "AV-1", From: month("Apr-16"), Through: month("Apr-16"), Reason: "data centre move"},
			{Kind: regime.Mitigation, KPI: "AV-1", From: month("May-16"), Through: month("May-16"), Reason: "supplier outage upstream"},
		},
	})
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for i := 0; i < 3; i++ {
		m := month("Apr-16").AddMonths(i)
		in.Observations = append(in.Observations, regime.Observation{KPI: "AV-1", Month: m, Obs: kpi.Figure(decimal.RequireFromString("96"))})
		in.Charges[m] = decimal.NewFromInt(100000)
	}
	l, _ := r.Run(in)
	for _, m := range []string{"Apr-16", "May-16", "Jun-16"} {
		sc, _ := l.Scorecard(month(m).Period())
		row, _ := sc.Row("AV-1")
		fmt.Printf("%s %-8s relieved=%-5v credit £%s %v\n", m, row.Status, row.Relieved, row.Credit.StringFixed(2), row.Notes)
	}
	// Output:
	// Apr-16 excluded relieved=false credit £0.00 [exclusion: data centre move]
	// May-16 failed   relieved=true  credit £0.00 [mitigation: supplier outage upstream]
	// Jun-16 failed   relieved=false credit £3000.00 []
}

// A year-to-date scorecard aggregates each KPI by its measure's rule: calls
// answered of calls offered, summed.
func ExampleLedger_Scorecard() {
	target, _ := kpi.ParseWritten("80%")
	calls, _ := kpi.New(kpi.Spec{Ref: "CS-K-002", Description: "% of telephone calls answered", Frequency: period.Monthly(),
		Target: target, Bands: kpi.TargetOnly(),
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}})
	r, _ := regime.New(regime.Spec{Name: "PSSP", Version: "2016", From: month("Apr-16"), KPIs: []kpi.Definition{calls}})
	in := regime.Input{Observations: []regime.Observation{
		{KPI: "CS-K-002", Month: month("Apr-16"), Obs: kpi.Counts(24900, 30000)},
		{KPI: "CS-K-002", Month: month("May-16"), Obs: kpi.Counts(22500, 30000)},
		{KPI: "CS-K-002", Month: month("Jun-16"), Obs: kpi.Counts(25500, 30000)},
	}}
	sc, err := r.Score(in, period.Must(period.ParseLabel("YTD 2016/17 to Jun-16")))
	if err != nil {
		fmt.Println(err)
		return
	}
	row, _ := sc.Row("CS-K-002")
	fmt.Println(sc.Period.Label(period.Short), row.Status, row.Result.Reason())
	// Output:
	// YTD 2016/17 to Jun-16 met 81.00% meets the target of 80%
}

// A contract's regimes are one ledger: a KPI whose reference continues into
// the next version keeps its history, so October's failure, after
// September's under the old version, is a repeat. A year to date across the
// change names both versions and takes its money from its months.
func ExampleHistory_Score_acrossVersions() {
	def := func(target string) kpi.Definition {
		t, _ := kpi.ParseWritten(target)
		d, _ := kpi.New(kpi.Spec{Ref: "CS", Frequency: period.Monthly(), Target: t,
			Bands:   kpi.TargetOnly().WithPoints(map[kpi.Status]decimal.Decimal{kpi.Missed: decimal.NewFromInt(1)}),
			Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums}})
		return d
	}
	credits := []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))} // 1% of the charges a point
	v1, _ := regime.New(regime.Spec{Name: "CSC", Version: "1", From: month("Apr-16"), Until: month("Oct-16"),
		KPIs: []kpi.Definition{def("90%")}, Repeat: decimal.NewFromInt(2), Credits: credits})
	v2, _ := regime.New(regime.Spec{Name: "CSC", Version: "2", From: month("Oct-16"),
		KPIs: []kpi.Definition{def("92%")}, Repeat: decimal.NewFromInt(2), Credits: credits})
	h, _ := regime.NewHistory(v1, v2)
	in := regime.Input{Charges: map[period.Month]decimal.Decimal{}}
	for m := month("Apr-16"); !m.After(month("Dec-16")); m = m.AddMonths(1) {
		figure := "95"
		if m == month("Sep-16") || m == month("Oct-16") {
			figure = "85"
		}
		in.Observations = append(in.Observations, regime.Observation{KPI: "CS", Month: m, Obs: kpi.Figure(decimal.RequireFromString(figure))})
		in.Charges[m] = decimal.NewFromInt(10000)
	}
	oct, _ := h.Score(in, month("Oct-16").Period())
	row, _ := oct.Row("CS")
	fmt.Printf("Oct-16: %s under version %s, %s points (x %s), £%s\n", row.Status, row.Versions[0], row.Points, row.Multiplier, row.Credit.StringFixed(2))
	ytd, _ := h.Score(in, period.Must(period.ParseLabel("YTD 2016/17 to Dec-16")))
	row, _ = ytd.Row("CS")
	fmt.Printf("%s: versions %v, %s, %s points, £%s\n", ytd.Period.Label(period.Short), ytd.Versions, row.Status, ytd.Summary.Points, ytd.Summary.Credits.StringFixed(2))
	// Output:
	// Oct-16: missed under version 2, 2 points (x 2), £200.00
	// YTD 2016/17 to Dec-16: versions [1 2], not_measurable, 3 points, £300.00
}
