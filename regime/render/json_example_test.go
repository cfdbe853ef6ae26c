package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/kpiregime/kpiregime/kpi"
	"github.com/kpiregime/kpiregime/period"
	"github.com/kpiregime/kpiregime/regime"
	"github.com/kpiregime/kpiregime/regime/render"
)

// Reading a scorecard's JSON in another program: seed 000's ICT KPI 3 at
// 83.50% in April 2016 is below the failure level of 84.0%, so it failed,
// and a fixed credit of £250 for a failure is due. Money in the JSON is an
// amount with its currency.
func ExampleJSON() {
	target, _ := kpi.ParseWritten("90.0%")
	sev3, _ := kpi.New(kpi.Spec{
		Ref: "3", Description: "Resolution of severity 3 incidents", ServiceArea: "ICT",
		Frequency: period.Monthly(), Target: target,
		Measure: kpi.Measure{Unit: kpi.Percent, Polarity: kpi.HigherIsBetter, Precision: 2, Aggregation: kpi.RatioOfSums},
		Bands:   kpi.TargetDetrimentFailure(decimal.RequireFromString("87.0"), decimal.RequireFromString("84.0")),
	})
	april := period.Must(period.ParseMonth("Apr-16"))
	r, err := regime.New(regime.Spec{Name: "ICT", Version: "2009", From: april, KPIs: []kpi.Definition{sev3},
		Credits: []regime.CreditRule{regime.NewFixedCredit("3", map[kpi.Status]decimal.Decimal{kpi.Failed: decimal.NewFromInt(250)}, decimal.Zero)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	sc, err := r.Score(regime.Input{
		Observations: []regime.Observation{{KPI: "3", Month: april, Obs: kpi.Figure(decimal.RequireFromString("83.50"))}},
		Charges:      map[period.Month]decimal.Decimal{april: decimal.NewFromInt(100000)},
	}, april.Period())
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := render.JSON(&b, render.Card{Contract: "ICT", Scorecard: sc}); err != nil {
		fmt.Println(err)
		return
	}
	var out struct {
		Scorecards []struct {
			Period string
			Rows   []struct {
				KPI    string
				Status string
				Credit regime.Money
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		fmt.Println(err)
		return
	}
	card := out.Scorecards[0]
	row := card.Rows[0]
	fmt.Println(card.Period, row.KPI, row.Status, row.Credit.Amount.StringFixed(2), row.Credit.Currency, row.Credit)
	// Output:
	// 2016-04 3 failed 250.00 GBP £250.00
}
