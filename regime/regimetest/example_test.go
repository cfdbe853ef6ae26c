package regimetest_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/regimetest"
)

// printer is a regimetest.T that prints each failure, standing in for the
// *testing.T a test would pass.
type printer struct{}

func (printer) Helper() {}

func (printer) Errorf(format string, args ...any) { fmt.Printf("FAIL "+format+"\n", args...) }

// A test that pins a contract's rules: availability of 96.5% in May 2016
// falls below the minor band's 97% into the severe band, 3 points, and at
// 1% of the month's £100,000 charges per point the credit is £3,000.00. The
// last assertion is wrong on purpose (2 points), to show what a failure
// reports.
func Example() {
	target, _ := kpi.ParseWritten("99%")
	bands, _ := kpi.NewBands(
		kpi.Band{Name: "Met", Status: kpi.Met, Reach: kpi.Target()},
		kpi.Band{Name: "Minor", Status: kpi.Missed, Reach: kpi.Abs(decimal.NewFromInt(97)), Points: decimal.NewFromInt(1)},
		kpi.Band{Name: "Severe", Status: kpi.Failed, Points: decimal.NewFromInt(3)},
	)
	av, err := kpi.New(kpi.Spec{Ref: "AV-1", Frequency: period.Monthly(), Target: target, Bands: bands,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 1, Aggregation: kpi.RatioOfSums}})
	if err != nil {
		fmt.Println(err)
		return
	}
	may := period.Must(period.ParseMonth("2016-05"))
	r, err := regime.New(regime.Spec{Name: "ICT", From: may, KPIs: []kpi.Definition{av},
		Credits: []regime.CreditRule{regime.NewPointsCredit(decimal.NewFromInt(1))}})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := r.Score(regime.Input{
		Observations: []regime.Observation{{KPI: "AV-1", Month: may, Obs: kpi.Figure(decimal.RequireFromString("96.5"))}},
		Charges:      map[period.Month]decimal.Decimal{may: decimal.NewFromInt(100000)},
	}, may.Period())
	if err != nil {
		fmt.Println(err)
		return
	}
	var t printer
	fmt.Println(regimetest.Status(t, sc, "AV-1", kpi.Failed))
	fmt.Println(regimetest.Credit(t, sc, "3000.00"))
	fmt.Println(regimetest.NoEvent(t, sc, "rectification plan required"))
	fmt.Println(regimetest.Points(t, sc, "AV-1", "2"))
	// Output:
	// true
	// true
	// true
	// FAIL ICT: want 2 points for AV-1 in 2016-05, got 3
	// false
}
